import { expect } from "@playwright/test";
import { findLink, listMailbox, type StoredMail } from "../../lib/mail/mailbox";

function mailboxDir(): string {
  const dir = process.env.MAILBOX_DIR;
  if (!dir) throw new Error("MAILBOX_DIR is not set: run browser tests through `npm run test:e2e`");
  return dir;
}

/**
 * Waits for the newest message to `to` received after `since` whose subject matches `subject` and
 * that `matches` accepts, when given (read from the real SMTP sink).
 */
export async function waitForMail(to: string, since: Date, subject?: RegExp, matches?: (mail: StoredMail) => boolean): Promise<StoredMail> {
  let found: StoredMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await listMailbox(mailboxDir(), { limit: 500 });
        found = mails.find((m) => m.to.includes(to.toLowerCase()) && new Date(m.receivedAt) >= since && (!subject || subject.test(m.subject)) && (!matches || matches(m)));
        return Boolean(found);
      },
      { message: `an email to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

export function magicLinkIn(mail: StoredMail): string {
  const link = findLink(mail, "/api/auth/callback/email");
  if (!link) throw new Error(`No sign-in link in "${mail.subject}"`);
  return link;
}
