import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { listMailbox } from "@/lib/mail/mailbox";
import { sendMagicLink } from "./send-magic-link";

async function latestTo(address: string) {
  for (let i = 0; i < 50; i++) {
    const mail = (await listMailbox(process.env.MAILBOX_DIR!, { limit: 500 })).find((m) => m.to.includes(address));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${address}`);
}

describe("sendMagicLink (real SMTP sink)", () => {
  it("sends a known subscriber a link from the sign-in sender", async () => {
    await sendMagicLink({ identifier: "  Jordan.Rivera2@Example.com ", url: "http://localhost:3000/api/auth/callback/email?token=abc" });
    const mail = await latestTo("jordan.rivera2@example.com");
    expect(mail.text).toContain("/api/auth/callback/email?token=abc");
    expect(mail.from).toContain(env().MAIL_FROM_SIGNIN.match(/<(.+)>/)![1]!);
    expect(env().MAIL_FROM_SIGNIN).not.toBe(env().MAIL_FROM_NOTIFY);
  });

  it("tells an unknown address that no account exists, without a link", async () => {
    const address = `unknown-${Date.now()}@example.com`;
    await sendMagicLink({ identifier: address, url: "http://localhost:3000/api/auth/callback/email?token=secret" });
    const mail = await latestTo(address);
    expect(mail.subject).toMatch(/Sign-in attempt/);
    expect(mail.text).not.toContain("token=secret");
  });
});
