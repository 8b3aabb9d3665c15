import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { EMAIL_LISTS, verifyEmailToken, type EmailList } from "@/lib/notifications/links";
import { recordSubscriberAudit } from "./subscriber-audit";
import { lockSubscriptionRow } from "./subscription-row";

export const INVALID_UNSUBSCRIBE_LINK = "This unsubscribe link is not valid.";

export function isEmailList(value: unknown): value is EmailList {
  return typeof value === "string" && (EMAIL_LISTS as readonly string[]).includes(value);
}

/**
 * One-click unsubscribe (RFC 8058): stops exactly the list the message belonged to. The signed
 * token is the authority; doing it twice changes nothing more.
 */
export async function unsubscribeList({ token, list }: { token: string | null; list: string | null }): Promise<{ email: string; list: EmailList }> {
  const email = verifyEmailToken("preferences", token);
  if (!email) throw Invalid(INVALID_UNSUBSCRIBE_LINK);
  if (!isEmailList(list)) throw Invalid(`Unknown list. Use one of: ${EMAIL_LISTS.join(", ")}.`);

  await db.$transaction(async (tx) => {
    // Accounts get news without a row of their own, so they need one to hold the "off".
    const account = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const { row } = await lockSubscriptionRow(tx, email, { create: Boolean(account) });
    if (!row) return;
    const alreadyOff = list === "incidents" ? row.unsubscribedAt !== null : list === "restoration" ? !row.restorationEmails : !row.claimEmails;
    if (alreadyOff) return;
    const change = list === "incidents" ? { unsubscribedAt: new Date() } : list === "restoration" ? { restorationEmails: false } : { claimEmails: false };
    await tx.emailSubscription.update({ where: { id: row.id }, data: change });
    await recordSubscriberAudit(tx, { email, userId: row.userId }, {
      action: "email-preferences.one-click-unsubscribe",
      subscriptionId: row.id,
      after: { list },
    });
  });
  return { email, list };
}
