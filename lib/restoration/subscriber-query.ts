// One search box, three keys. The shape of what staff type decides which columns are searched,
// and each key is reduced to the canonical forms the indexed columns store, so a lookup stays an
// index probe even with millions of subscribers.

export interface SubscriberQuery {
  emails: string[];
  phones: string[];
  accountRefs: string[];
}

const PHONE_SEPARATORS = /[\s\-().]/g;

/** The canonical forms of a phone number: "+1 555-100-0017" → ["+15551000017"]. */
export function phoneCandidates(raw: string): string[] {
  const compact = raw.trim().replace(PHONE_SEPARATORS, "");
  if (!/^(\+|00)?\d{6,15}$/.test(compact)) return [];
  if (compact.startsWith("+")) return [compact];
  if (compact.startsWith("00")) return [`+${compact.slice(2)}`];
  return [`+${compact}`, compact];
}

/** What to look for; all lists empty when the text cannot be any of the three keys. */
export function parseSubscriberQuery(raw: string): SubscriberQuery {
  const text = raw.trim();
  const query: SubscriberQuery = { emails: [], phones: [], accountRefs: [] };
  if (!text || text.length > 200) return query;
  if (text.includes("@")) {
    // Accounts are stored with lower-case addresses (sign-in lower-cases them too).
    if (/^[^\s@]+@[^\s@]+$/.test(text)) query.emails.push(text.toLowerCase());
    return query;
  }
  query.phones = phoneCandidates(text);
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/.test(text)) query.accountRefs = [...new Set([text.toUpperCase(), text])];
  return query;
}

export function isEmptyQuery(query: SubscriberQuery): boolean {
  return query.emails.length + query.phones.length + query.accountRefs.length === 0;
}
