import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Gift-card codes are money: stored encrypted (AES-256-GCM), found again by an HMAC of the code
// (so re-importing a pool is idempotent without storing the code in clear), shown in lists only
// by their last four characters.

function key(): Buffer {
  const configured = env().GIFT_CODE_KEY;
  // Development and tests derive a key from the app secret; production requires GIFT_CODE_KEY.
  return configured ? Buffer.from(configured, "base64") : createHash("sha256").update(`gift-code:${env().NEXTAUTH_SECRET}`).digest();
}

/** Codes as people type them: trimmed, case and inner spaces or dashes kept as issued. */
export function normaliseCode(code: string): string {
  return code.trim();
}

export function encryptCode(code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(normaliseCode(code), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptCode(stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("not an encrypted gift-card code");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Same code, same hash: the unique key that makes importing a pool twice change nothing. */
export function hashCode(code: string): string {
  return createHmac("sha256", key()).update(normaliseCode(code)).digest("base64url");
}

export function lastFour(code: string): string {
  return normaliseCode(code).slice(-4);
}
