import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { POST_SELECT, selectedToPostDto, type PostDto } from "./post-dto";
import { PostBody, PostId } from "./post-input";
import { consumePostAllowance } from "./posting-allowance";
import { QA_CLOSED } from "./post-question";

export const PostReplyInput = z.object({
  questionId: PostId,
  body: PostBody,
  official: z.boolean().default(false),
});

interface Target {
  id: number;
  incidentId: number;
  slug: string;
  isReply: boolean;
  hidden: boolean;
  locked: boolean;
  qaLocked: boolean;
}

/**
 * The question a reply goes under, checked for everything that refuses a reply. With `lock`, the
 * question and its incident stay as checked until the transaction ends (a lock or hide waits).
 */
async function openQuestionOrThrow(client: Tx | typeof db, questionId: number, lock = false): Promise<Target> {
  const [target] = await client.$queryRaw<Target[]>`
    SELECT q.id, q."incidentId", i.slug, q."parentId" IS NOT NULL AS "isReply", q."hiddenAt" IS NOT NULL AS hidden,
           q."lockedAt" IS NOT NULL AS locked, i."qaLockedAt" IS NOT NULL AS "qaLocked"
    FROM "ForumPost" q JOIN "Incident" i ON i.id = q."incidentId"
    WHERE q.id = ${questionId} ${lock ? Prisma.sql`FOR UPDATE OF q FOR SHARE OF i` : Prisma.empty}`;
  if (!target || target.hidden) throw NotFound("That question is no longer available.");
  if (target.isReply) throw Invalid("Replies go under a question, not under another reply.", { field: "questionId" });
  if (target.qaLocked) throw Conflict(QA_CLOSED);
  if (target.locked) throw Conflict("This question is locked, so it takes no new replies.");
  return target;
}

/** A reply under a visible, unlocked question. Only staff may mark it as the official answer. */
export async function postReply({ actor, input }: { actor: Actor; input: unknown }): Promise<{ post: PostDto; incidentSlug: string }> {
  const data = parseInput(PostReplyInput, input);
  if (data.official && !isStaff(actor.role)) throw Forbidden("Only support staff can post official answers.");
  await openQuestionOrThrow(db, data.questionId);
  await consumePostAllowance(actor);
  return db.$transaction(async (tx) => {
    const question = await openQuestionOrThrow(tx, data.questionId, true);
    const post = await tx.forumPost.create({
      data: { incidentId: question.incidentId, parentId: question.id, authorId: actor.id, body: data.body, isOfficial: data.official },
      select: POST_SELECT,
    });
    await tx.forumPost.update({ where: { id: question.id }, data: { replyCount: { increment: 1 } }, select: { id: true } });
    return { post: selectedToPostDto(post), incidentSlug: question.slug };
  });
}
