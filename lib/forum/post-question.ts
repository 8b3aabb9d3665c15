import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Conflict, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { POST_SELECT, selectedToPostDto, type ThreadDto } from "./post-dto";
import { IncidentSlug, PostBody } from "./post-input";
import { consumePostAllowance } from "./posting-allowance";

export const PostQuestionInput = z.object({ incidentSlug: IncidentSlug, body: PostBody });

export const QA_CLOSED = "Questions and answers on this incident are closed, so new posts are not accepted.";

/** The incident, if its Q&A is open; `lock` holds it open until the caller's transaction ends. */
export async function openIncidentOrThrow(client: Tx | typeof db, slug: string, lock = false): Promise<{ id: number; slug: string }> {
  const [incident] = await client.$queryRaw<{ id: number; slug: string; qaLocked: boolean }[]>`
    SELECT id, slug, "qaLockedAt" IS NOT NULL AS "qaLocked" FROM "Incident" WHERE slug = ${slug} ${lock ? Prisma.sql`FOR SHARE` : Prisma.empty}`;
  if (!incident) throw NotFound("There is no incident at this address.");
  if (incident.qaLocked) throw Conflict(QA_CLOSED);
  return incident;
}

/** A signed-in person asks a question on an open incident; counted against their posting allowance. */
export async function postQuestion({ actor, input }: { actor: Actor; input: unknown }): Promise<{ post: ThreadDto; incidentSlug: string }> {
  const data = parseInput(PostQuestionInput, input);
  await openIncidentOrThrow(db, data.incidentSlug);
  await consumePostAllowance(actor);
  return db.$transaction(async (tx) => {
    const incident = await openIncidentOrThrow(tx, data.incidentSlug, true);
    const post = await tx.forumPost.create({ data: { incidentId: incident.id, authorId: actor.id, body: data.body }, select: POST_SELECT });
    return { post: { ...selectedToPostDto(post), replies: [] }, incidentSlug: incident.slug };
  });
}
