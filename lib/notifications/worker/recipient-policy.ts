import type { Pool } from "pg";
import type { EmailList } from "@/lib/notifications/links";

/** What the database knows about an address at send time. */
export interface RecipientState {
  suppressed: boolean;
  /** null when the address has no subscription row (an account that never changed its choices). */
  subscription: { confirmed: boolean; unsubscribed: boolean; restorationEmails: boolean; claimEmails: boolean } | null;
}

/**
 * Decided again at send time, because choices change between enqueue and delivery: an
 * unsubscribe stops the very next message. Returns why not to send, or null to send.
 */
export function refusalReason(list: EmailList | null, isAccount: boolean, state: RecipientState): string | null {
  if (state.suppressed) return "Address suppressed after a permanent failure";
  if (list === null) return null;
  const sub = state.subscription;
  if (list === "incidents") {
    if (sub?.unsubscribed) return "Unsubscribed from incident emails";
    // An account's address is proven by sign-in; anyone else must have clicked the confirmation.
    if (!isAccount && !sub?.confirmed) return "Subscription not confirmed";
    return null;
  }
  if (!isAccount) return "Not an account address";
  if (list === "restoration" && sub && !sub.restorationEmails) return "Turned off restoration emails";
  if (list === "claims" && sub && !sub.claimEmails) return "Turned off claim emails";
  return null;
}

export async function loadRecipientStates(pool: Pool, emails: string[]): Promise<Map<string, RecipientState>> {
  const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
  const { rows } = await pool.query<{ email: string; suppressed: boolean; has_sub: boolean; confirmed: boolean; unsubscribed: boolean; restoration: boolean; claims: boolean }>(
    `SELECT e.email, EXISTS (SELECT 1 FROM "EmailSuppression" z WHERE z.email = e.email) AS suppressed,
            s.id IS NOT NULL AS has_sub, s."confirmedAt" IS NOT NULL AS confirmed, s."unsubscribedAt" IS NOT NULL AS unsubscribed,
            COALESCE(s."restorationEmails", true) AS restoration, COALESCE(s."claimEmails", true) AS claims
     FROM unnest($1::text[]) AS e(email) LEFT JOIN "EmailSubscription" s ON s.email = e.email`,
    [unique],
  );
  return new Map(
    rows.map((r) => [
      r.email,
      { suppressed: r.suppressed, subscription: r.has_sub ? { confirmed: r.confirmed, unsubscribed: r.unsubscribed, restorationEmails: r.restoration, claimEmails: r.claims } : null },
    ]),
  );
}
