import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertModerator, lockPostOrThrow } from "./moderation-target";
import { PostId } from "./post-input";

export const PromoteToFaqInput = z.object({ postId: PostId });

const ALREADY = "This answer is already in the FAQ.";

/**
 * Copies an official answer and its question into the incident's FAQ, at the end. The FAQ keeps
 * its own copy of both texts, so later moderation of the thread never rewrites the FAQ silently.
 */
export async function promoteToFaq({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(PromoteToFaqInput, input);
  try {
    return await db.$transaction(async (tx) => {
      const reply = await lockPostOrThrow(tx, data.postId);
      if (reply.parentId === null) throw Invalid("Promote an official answer, not the question itself.", { field: "postId" });
      if (!reply.isOfficial) throw Invalid("Only an official answer can go into the FAQ.", { field: "postId" });
      if (reply.hiddenAt || reply.parentHidden) throw NotFound("That answer is hidden, so it cannot go into the FAQ. Unhide it first.");
      // One FAQ write per incident at a time, so positions never collide.
      await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${reply.incidentId} FOR UPDATE`;
      const existing = await tx.faqEntry.findFirst({
        where: { OR: [{ postId: reply.id }, { post: { parentId: reply.parentId } }] },
        select: { postId: true },
      });
      if (existing) throw Conflict(existing.postId === reply.id ? ALREADY : "Another answer to this question is already in the FAQ. Remove it first.");
      const [texts, last] = await Promise.all([
        tx.forumPost.findUniqueOrThrow({ where: { id: reply.id }, select: { body: true, parent: { select: { body: true } } } }),
        tx.faqEntry.aggregate({ where: { incidentId: reply.incidentId }, _max: { position: true } }),
      ]);
      const entry = await tx.faqEntry.create({
        data: { incidentId: reply.incidentId, postId: reply.id, question: texts.parent?.body ?? "", answer: texts.body, position: (last._max.position ?? -1) + 1 },
        select: { id: true, position: true },
      });
      await recordAudit(tx, actor, { action: "forum.faq.promoted", entityType: "FaqEntry", entityId: entry.id, after: { postId: reply.id, position: entry.position } });
      return { postId: reply.id, inFaq: true, faqEntryId: entry.id, incidentSlug: reply.slug };
    });
  } catch (error) {
    // Two staff promoting the same answer at once: the unique postId settles it, with the same message.
    if ((error as { code?: unknown } | null)?.code === "P2002") throw Conflict(ALREADY);
    throw error;
  }
}
