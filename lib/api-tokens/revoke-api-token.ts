import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

/** Revokes a token at once: the next request with it is refused. */
export async function revokeApiToken({ actor, tokenId }: { actor: Actor; tokenId: number }) {
  if (!isAdmin(actor.role)) throw Forbidden("Only administrators can revoke API tokens.");
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw NotFound("That token does not exist.");
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: { id: true, name: true, revokedAt: true } });
    await recordAudit(tx, actor, { action: "api-token.revoked", entityType: "ApiToken", entityId: tokenId, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
    return revoked;
  });
}
