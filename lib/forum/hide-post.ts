import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/parse-input";
import { assertModerator, lockPostOrThrow } from "./moderation-target";
import { HideReason, PostId } from "./post-input";

export const HidePostInput = z.object({ postId: PostId, reason: HideReason });

/**
 * Takes a post out of public view (a question takes its replies with it). The reason and who hid it
 * are kept for staff; nothing is deleted, so it can be brought back.
 */
export async function hidePost({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(HidePostInput, input);
  return db.$transaction(async (tx) => {
    const post = await lockPostOrThrow(tx, data.postId);
    if (post.hiddenAt && post.hiddenReason === data.reason) return { postId: post.id, parentId: post.parentId, hidden: true, incidentSlug: post.slug };
    const after = await tx.forumPost.update({
      where: { id: post.id },
      data: { hiddenAt: post.hiddenAt ?? new Date(), hiddenReason: data.reason, hiddenById: actor.id },
      select: { hiddenAt: true, hiddenReason: true, hiddenById: true },
    });
    // replyCount counts visible replies, so hiding one shows the right "N replies" at once.
    if (post.parentId !== null && !post.hiddenAt) {
      await tx.forumPost.update({ where: { id: post.parentId }, data: { replyCount: { decrement: 1 } }, select: { id: true } });
    }
    await recordAudit(tx, actor, {
      action: "forum.post.hidden",
      entityType: "ForumPost",
      entityId: post.id,
      before: { hiddenAt: post.hiddenAt, hiddenReason: post.hiddenReason, hiddenById: post.hiddenById },
      after,
    });
    return { postId: post.id, parentId: post.parentId, hidden: true, incidentSlug: post.slug };
  });
}
