import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

export async function listApiTokens(actor: Actor) {
  if (!isAdmin(actor.role)) throw Forbidden("Only administrators can see API tokens.");
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { email: true } } },
  });
}
