import { createHash, randomBytes } from "node:crypto";

/** Tokens look like `act_<8-char prefix>_<secret>`; only their SHA-256 is stored. */
export function newTokenSecret(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const token = `act_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
