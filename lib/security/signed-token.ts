import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Tokens the server signs and later takes back: links in emails, page cursors. Each purpose has its
 * own key, derived from NEXTAUTH_SECRET with HKDF, so a token made for one purpose never verifies
 * for another, and none of them is a MAC under next-auth's own key.
 *
 * Format: `<key id>.<issued at, base36 seconds>.<payload, base64url>.<MAC, base64url>`. The key id
 * names the secret that signed it, so after a rotation (NEXTAUTH_SECRET_PREVIOUS) tokens of the
 * previous secret still verify while they are younger than the grace period.
 */
export type TokenPurpose = "email-preferences" | "email-confirm" | "forum-cursor";

export interface VerifiedToken {
  payload: string;
  issuedAt: Date;
}

export interface TokenSigner {
  sign(purpose: TokenPurpose, payload: string, now?: number): string;
  /** The payload, or null for anything forged, tampered, foreign, too old, or from a retired secret. */
  verify(purpose: TokenPurpose, token: string | null | undefined, options?: { maxAgeSeconds?: number; now?: number }): VerifiedToken | null;
}

const SALT = "aftercare signed tokens v1";
const MAC_BYTES = 16;
const MAX_TOKEN_LENGTH = 1_000;
/** Clocks of several servers differ a little; a token from further ahead than this is refused. */
const FUTURE_SKEW_SECONDS = 300;

interface KeySet {
  id: string;
  key(purpose: TokenPurpose): Buffer;
}

function keySet(secret: string): KeySet {
  const derive = (info: string, length: number) => Buffer.from(hkdfSync("sha256", secret, SALT, info, length));
  const keys = new Map<TokenPurpose, Buffer>();
  return {
    id: derive("aftercare/key-id", 6).toString("base64url"),
    key(purpose) {
      let key = keys.get(purpose);
      if (!key) keys.set(purpose, (key = derive(`aftercare/${purpose}`, 32)));
      return key;
    },
  };
}

const mac = (keys: KeySet, purpose: TokenPurpose, signed: string): Buffer => createHmac("sha256", keys.key(purpose)).update(signed).digest().subarray(0, MAC_BYTES);

export function createTokenSigner({ secret, previousSecret, graceDays }: { secret: string; previousSecret?: string; graceDays: number }): TokenSigner {
  const current = keySet(secret);
  const previous = previousSecret ? keySet(previousSecret) : undefined;
  return {
    sign(purpose, payload, now = Date.now()) {
      const signed = `${current.id}.${Math.floor(now / 1000).toString(36)}.${Buffer.from(payload, "utf8").toString("base64url")}`;
      return `${signed}.${mac(current, purpose, signed).toString("base64url")}`;
    },
    verify(purpose, token, { maxAgeSeconds, now = Date.now() } = {}) {
      if (!token || token.length > MAX_TOKEN_LENGTH) return null;
      const parts = /^(?<id>[A-Za-z0-9_-]{8})\.(?<issued>[0-9a-z]{1,10})\.(?<payload>[A-Za-z0-9_-]*)\.(?<given>[A-Za-z0-9_-]{22})$/.exec(token)?.groups;
      if (!parts) return null;
      const { id = "", issued = "", payload = "", given = "" } = parts;
      const keys = id === current.id ? current : id === previous?.id ? previous : undefined;
      if (!keys) return null;
      // Compared as text: base64url decoding ignores a final character's spare bits, and a MAC
      // with several spellings would make a token with several spellings.
      const expected = Buffer.from(mac(keys, purpose, `${id}.${issued}.${payload}`).toString("base64url"));
      const presented = Buffer.from(given);
      if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
      const issuedAt = parseInt(issued, 36) * 1000;
      const age = (now - issuedAt) / 1000;
      if (age < -FUTURE_SKEW_SECONDS) return null;
      if (maxAgeSeconds !== undefined && age > maxAgeSeconds) return null;
      // The previous secret is retired: what it signed stays valid only for the grace period.
      if (keys === previous && age > graceDays * 86_400) return null;
      return { payload: Buffer.from(payload, "base64url").toString("utf8"), issuedAt: new Date(issuedAt) };
    },
  };
}

let signer: TokenSigner | undefined;

/** The signer for this server's secrets (NEXTAUTH_SECRET, NEXTAUTH_SECRET_PREVIOUS, SIGNED_LINK_GRACE_DAYS). */
export function tokens(): TokenSigner {
  const settings = env();
  signer ??= createTokenSigner({ secret: settings.NEXTAUTH_SECRET, previousSecret: settings.NEXTAUTH_SECRET_PREVIOUS, graceDays: settings.SIGNED_LINK_GRACE_DAYS });
  return signer;
}
