import { env } from "@/lib/env";
import { renderEmail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/transport";

export type ClaimEmailKind = "submitted" | "approved" | "awaiting-code" | "denied" | "fulfilled";

const COPY: Record<ClaimEmailKind, { subject: (n: string) => string; heading: string; body: (reason: string | null) => string[] }> = {
  submitted: {
    subject: (n) => `We received your claim ${n}`,
    heading: "We received your claim",
    body: () => ["Thank you. Your claim is waiting for review; we will email you as soon as it is decided.", "You can follow it at any time on its page."],
  },
  approved: {
    subject: (n) => `Your claim ${n} is approved`,
    heading: "Your claim is approved",
    body: () => ["Good news: your claim is approved. We will email you again when everything is delivered."],
  },
  "awaiting-code": {
    subject: (n) => `Your claim ${n} is approved`,
    heading: "Your claim is approved",
    body: () => ["Your claim is approved. Your gift-card code is being prepared; we will email you as soon as it is ready to reveal on your claim page."],
  },
  denied: {
    subject: (n) => `About your claim ${n}`,
    heading: "We could not approve your claim",
    body: (reason) => [reason ? `The reason: ${reason}` : "", "If you think this is a mistake, reply to support from your account page and we will look at it again."].filter(Boolean),
  },
  fulfilled: {
    subject: (n) => `Your claim ${n} is fulfilled`,
    heading: "Your compensation is ready",
    body: () => ["Everything in your claim is delivered. A gift-card code can be revealed on your claim page; a service credit is applied by billing to your next bills."],
  },
};

/**
 * Tells a subscriber what happened to their claim. Sent after the change is committed; a mail
 * failure is logged and never undoes the claim (the claim page always shows the truth).
 */
export async function sendClaimEmail({ kind, to, number, reason = null }: { kind: ClaimEmailKind; to: string; number: string; reason?: string | null }): Promise<void> {
  const copy = COPY[kind];
  const url = new URL(`/claims/${number}`, env().NEXTAUTH_URL).toString();
  try {
    await sendMail({
      stream: "notify",
      to,
      subject: copy.subject(number),
      ...renderEmail({ heading: copy.heading, paragraphs: [`Claim number: ${number}`, ...copy.body(reason)], action: { label: "See your claim", url }, footer: "You received this because you made a compensation claim." }),
    });
  } catch (error) {
    console.error(`claim email (${kind}) for ${number} not sent`, error);
  }
}
