import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertModerator, lockPostOrThrow } from "./moderation-target";
import { PostId } from "./post-input";

export const SetPinnedInput = z.object({ postId: PostId, pinned: z.boolean({ error: "Say whether to pin or unpin." }) });

/** Pins a question to the top of the Q&A, or a reply to the top of its thread (or unpins it). */
export async function setPinned({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(SetPinnedInput, input);
  return db.$transaction(async (tx) => {
    const post = await lockPostOrThrow(tx, data.postId);
    const result = { postId: post.id, parentId: post.parentId, pinned: data.pinned, incidentSlug: post.slug };
    if ((post.pinnedAt !== null) === data.pinned) return result;
    if (data.pinned && (post.hiddenAt || post.parentHidden)) throw NotFound("That post is hidden, so it cannot be pinned. Unhide it first.");
    await tx.forumPost.update({ where: { id: post.id }, data: { pinnedAt: data.pinned ? new Date() : null }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: data.pinned ? "forum.post.pinned" : "forum.post.unpinned",
      entityType: "ForumPost",
      entityId: post.id,
      before: { pinnedAt: post.pinnedAt },
    });
    return result;
  });
}
