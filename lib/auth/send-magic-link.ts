import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { renderEmail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/transport";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

/**
 * Sends the sign-in email. Unknown addresses get a short "no account here" note instead of a
 * link: both paths send one message, so the form's answer and timing reveal nothing.
 */
export async function sendMagicLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const email = identifier.trim().toLowerCase();
  const provider = env().PROVIDER_NAME;
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });

  const message = user
    ? renderEmail({
        heading: `Sign in to ${provider} Aftercare`,
        paragraphs: [
          "Use the button below to sign in. The link works once and expires in 10 minutes.",
          "If you did not ask to sign in, you can ignore this email: nobody can sign in without it.",
        ],
        action: { label: "Sign in", url },
        footer: "You received this because someone entered this address on the sign-in page.",
      })
    : renderEmail({
        heading: "We could not find an account for this address",
        paragraphs: [
          `Someone asked to sign in to ${provider} Aftercare with this email address, but no subscription uses it.`,
          "If it was you, try the address your account was registered with, or contact support. If it was not you, ignore this email.",
        ],
        footer: "You received this because someone entered this address on the sign-in page.",
      });

  await sendMail({
    stream: "signin",
    to: email,
    subject: user ? `Your ${provider} sign-in link` : `Sign-in attempt at ${provider} Aftercare`,
    ...message,
  });
}
