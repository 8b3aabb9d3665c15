import { db } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { signEmailToken, verifyEmailToken } from "@/lib/notifications/links";
import { recordSubscriberAudit } from "./subscriber-audit";
import { lockSubscriptionRow } from "./subscription-row";

export const INVALID_CONFIRM_LINK = "This confirmation link is not valid. Copy the whole link from the email, or subscribe again.";

/** The address a confirmation link is for, or null when the link was altered or cut short. */
export function confirmLinkAddress(token: string): string | null {
  return verifyEmailToken("confirm", token);
}

/**
 * Double opt-in, second half: the address proved it receives our mail. Clicking twice is fine;
 * the first confirmation time is kept.
 */
export async function confirmSubscription({ token }: { token: string }): Promise<{ email: string; preferencesPath: string }> {
  const email = confirmLinkAddress(token);
  if (!email) throw Invalid(INVALID_CONFIRM_LINK);

  await db.$transaction(async (tx) => {
    const { row } = await lockSubscriptionRow(tx, email, { create: false });
    if (!row) throw NotFound("There is no subscription for this address any more. Subscribe again from the status page.");
    if (row.confirmedAt && !row.unsubscribedAt) return;
    const updated = await tx.emailSubscription.update({
      where: { id: row.id },
      data: { confirmedAt: row.confirmedAt ?? new Date(), unsubscribedAt: null },
    });
    await recordSubscriberAudit(tx, { email, userId: row.userId }, {
      action: "subscription.confirmed",
      subscriptionId: row.id,
      before: { confirmedAt: row.confirmedAt, unsubscribedAt: row.unsubscribedAt },
      after: { confirmedAt: updated.confirmedAt, unsubscribedAt: null },
    });
  });
  return { email, preferencesPath: `/preferences/${signEmailToken("preferences", email)}` };
}
