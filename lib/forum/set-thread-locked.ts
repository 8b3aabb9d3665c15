import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertModerator, lockPostOrThrow } from "./moderation-target";
import { PostId } from "./post-input";

export const SetThreadLockedInput = z.object({ postId: PostId, locked: z.boolean({ error: "Say whether to lock or unlock." }) });

/** Closes one question to new replies (or reopens it); what is already there stays visible. */
export async function setThreadLocked({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(SetThreadLockedInput, input);
  return db.$transaction(async (tx) => {
    const post = await lockPostOrThrow(tx, data.postId);
    if (post.parentId !== null) throw Invalid("Only a question can be locked; this is a reply.", { field: "postId" });
    const result = { postId: post.id, locked: data.locked, incidentSlug: post.slug };
    if ((post.lockedAt !== null) === data.locked) return result;
    await tx.forumPost.update({ where: { id: post.id }, data: { lockedAt: data.locked ? new Date() : null }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: data.locked ? "forum.thread.locked" : "forum.thread.unlocked",
      entityType: "ForumPost",
      entityId: post.id,
      before: { lockedAt: post.lockedAt },
    });
    return result;
  });
}
