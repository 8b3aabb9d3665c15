import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { tokens, type TokenPurpose } from "@/lib/security/signed-token";

/**
 * Signed links that act for one email address without a sign-in: the preferences page, one-click
 * unsubscribe and the double opt-in confirmation. Each purpose has its own key
 * (lib/security/signed-token.ts), so a preferences link can never be replayed as a confirmation
 * and vice versa. They do not expire: an unsubscribe link must work for as long as the email is
 * kept, until the secret is rotated and the grace period for the previous one has passed.
 */
export type LinkPurpose = "preferences" | "confirm";

/** The lists a message can belong to; one-click unsubscribe stops exactly that list. */
export const EMAIL_LISTS = ["incidents", "restoration", "claims"] as const;
export type EmailList = (typeof EMAIL_LISTS)[number];

const TOKEN_PURPOSE: Record<LinkPurpose, TokenPurpose> = { preferences: "email-preferences", confirm: "email-confirm" };

export function signEmailToken(purpose: LinkPurpose, email: string): string {
  return tokens().sign(TOKEN_PURPOSE[purpose], email.toLowerCase());
}

/** The address a token was signed for, or null for anything tampered, truncated or foreign. */
export function verifyEmailToken(purpose: LinkPurpose, token: string | null | undefined): string | null {
  if (!token || token.length > 600) return null;
  const verified = tokens().verify(TOKEN_PURPOSE[purpose], token);
  if (verified) return verified.payload.includes("@") ? verified.payload : null;
  return verifyEarlierEmailToken(purpose, token);
}

/**
 * Links in emails sent before signed tokens had key ids: `<address>.<HMAC under the raw secret>`.
 * Accepted under the current secret only, so they end at the first rotation of NEXTAUTH_SECRET.
 */
function verifyEarlierEmailToken(purpose: LinkPurpose, token: string): string | null {
  const [encoded, sig, extra] = token.split(".");
  if (!encoded || !sig || extra !== undefined) return null;
  const email = Buffer.from(encoded, "base64url").toString("utf8");
  if (!email.includes("@") || Buffer.from(email, "utf8").toString("base64url") !== encoded) return null;
  const expected = Buffer.from(createHmac("sha256", env().NEXTAUTH_SECRET).update(`aftercare-email-link:${purpose}:${email.toLowerCase()}`).digest("base64url").slice(0, 32));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? email : null;
}

function absolute(path: string): string {
  return new URL(path, env().NEXTAUTH_URL).toString();
}

export function preferencesUrl(email: string): string {
  return absolute(`/preferences/${signEmailToken("preferences", email)}`);
}

export function confirmUrl(email: string): string {
  return absolute(`/subscribe/confirm/${signEmailToken("confirm", email)}`);
}

/** RFC 8058 target: a POST with `List-Unsubscribe=One-Click` and no cookies stops the list. */
export function oneClickUnsubscribeUrl(email: string, list: EmailList): string {
  return absolute(`/api/email/unsubscribe?list=${list}&token=${signEmailToken("preferences", email)}`);
}

/** The headers every notification carries (RFC 2369 + RFC 8058). */
export function unsubscribeHeaders(email: string, list: EmailList): Record<string, string> {
  return headersFor(oneClickUnsubscribeUrl(email, list));
}

const headersFor = (oneClick: string) => ({ "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

/** Everything one message needs, signing the address once (the worker renders a thousand a second). */
export function messageLinks(email: string, list: EmailList): { preferences: string; unsubscribe: string; headers: Record<string, string> } {
  const token = signEmailToken("preferences", email);
  const unsubscribe = absolute(`/api/email/unsubscribe?list=${list}&token=${token}`);
  return { preferences: absolute(`/preferences/${token}`), unsubscribe, headers: headersFor(unsubscribe) };
}
