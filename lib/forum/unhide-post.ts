import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/parse-input";
import { assertModerator, lockPostOrThrow } from "./moderation-target";
import { PostId } from "./post-input";

export const UnhidePostInput = z.object({ postId: PostId });

/** Puts a hidden post back in public view; the audit log keeps the reason it was hidden. */
export async function unhidePost({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(UnhidePostInput, input);
  return db.$transaction(async (tx) => {
    const post = await lockPostOrThrow(tx, data.postId);
    if (!post.hiddenAt) return { postId: post.id, parentId: post.parentId, hidden: false, incidentSlug: post.slug };
    await tx.forumPost.update({ where: { id: post.id }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null }, select: { id: true } });
    if (post.parentId !== null) {
      await tx.forumPost.update({ where: { id: post.parentId }, data: { replyCount: { increment: 1 } }, select: { id: true } });
    }
    await recordAudit(tx, actor, {
      action: "forum.post.unhidden",
      entityType: "ForumPost",
      entityId: post.id,
      before: { hiddenAt: post.hiddenAt, hiddenReason: post.hiddenReason, hiddenById: post.hiddenById },
      after: { hiddenAt: null },
    });
    return { postId: post.id, parentId: post.parentId, hidden: false, incidentSlug: post.slug };
  });
}
