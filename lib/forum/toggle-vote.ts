import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { PostId } from "./post-input";
import { consumeVoteAllowance } from "./posting-allowance";

export const ToggleVoteInput = z.object({
  postId: PostId,
  /** The state the person wants; omitted, it flips. Saying it makes a retried request harmless. */
  voted: z.boolean().optional(),
});

export interface VoteResult {
  postId: number;
  voted: boolean;
  voteCount: number;
  incidentSlug: string;
}

/**
 * "I have this too" on a visible question: one vote per person. The vote row and the count change
 * in one statement, and the count moves only by rows actually inserted or deleted, so it stays
 * exact under any number of concurrent toggles.
 */
export async function toggleVote({ actor, input }: { actor: Actor; input: unknown }): Promise<VoteResult> {
  const data = parseInput(ToggleVoteInput, input);
  await consumeVoteAllowance(actor);
  return db.$transaction(async (tx) => {
    const [question] = await tx.$queryRaw<{ slug: string; voted: boolean }[]>`
      SELECT i.slug, EXISTS (SELECT 1 FROM "ForumVote" v WHERE v."postId" = q.id AND v."userId" = ${actor.id}) AS voted
      FROM "ForumPost" q JOIN "Incident" i ON i.id = q."incidentId"
      WHERE q.id = ${data.postId} AND q."parentId" IS NULL AND q."hiddenAt" IS NULL`;
    if (!question) throw NotFound("That question is no longer available.");
    const want = data.voted ?? !question.voted;
    const [row] = want
      ? await tx.$queryRaw<{ voteCount: number }[]>`
          WITH added AS (
            INSERT INTO "ForumVote" ("postId", "userId") VALUES (${data.postId}, ${actor.id})
            ON CONFLICT DO NOTHING RETURNING 1)
          UPDATE "ForumPost" SET "voteCount" = "voteCount" + (SELECT count(*) FROM added)::int
          WHERE id = ${data.postId} RETURNING "voteCount"`
      : await tx.$queryRaw<{ voteCount: number }[]>`
          WITH removed AS (
            DELETE FROM "ForumVote" WHERE "postId" = ${data.postId} AND "userId" = ${actor.id} RETURNING 1)
          UPDATE "ForumPost" SET "voteCount" = "voteCount" - (SELECT count(*) FROM removed)::int
          WHERE id = ${data.postId} RETURNING "voteCount"`;
    return { postId: data.postId, voted: want, voteCount: row?.voteCount ?? 0, incidentSlug: question.slug };
  });
}
