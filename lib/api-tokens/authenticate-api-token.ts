import { db } from "@/lib/db";
import { Unauthorized } from "@/lib/errors";
import { hashToken } from "./token-secret";

/** The token behind an `Authorization: Bearer …` header, or 401 when missing, unknown or revoked. */
export async function authenticateApiToken(authorization: string | null): Promise<{ id: number; name: string }> {
  const match = /^Bearer\s+(act_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{20,})$/.exec(authorization?.trim() ?? "");
  if (!match) throw Unauthorized("Send an API token as `Authorization: Bearer <token>`.");
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) }, select: { id: true, name: true, revokedAt: true } });
  if (!token || token.revokedAt) throw Unauthorized("This API token is not valid or has been revoked.");
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { id: token.id, name: token.name };
}
