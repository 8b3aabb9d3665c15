import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

/** Every moderation use case starts here: a subscriber is refused before any row is read. */
export function assertModerator(actor: Actor): void {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can moderate questions and answers.");
}

export interface ModerationTarget {
  id: number;
  parentId: number | null;
  incidentId: number;
  slug: string;
  isOfficial: boolean;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenById: string | null;
  parentHidden: boolean;
}

/** The post, locked for the rest of the transaction so two moderators never interleave. */
export async function lockPostOrThrow(tx: Tx, postId: number): Promise<ModerationTarget> {
  const [post] = await tx.$queryRaw<ModerationTarget[]>`
    SELECT p.id, p."parentId", p."incidentId", i.slug, p."isOfficial", p."pinnedAt", p."lockedAt",
           p."hiddenAt", p."hiddenReason", p."hiddenById", COALESCE(q."hiddenAt" IS NOT NULL, false) AS "parentHidden"
    FROM "ForumPost" p JOIN "Incident" i ON i.id = p."incidentId" LEFT JOIN "ForumPost" q ON q.id = p."parentId"
    WHERE p.id = ${postId}
    FOR UPDATE OF p`;
  if (!post) throw NotFound("That post no longer exists.");
  return post;
}
