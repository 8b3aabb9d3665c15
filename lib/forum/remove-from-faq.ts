import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertModerator } from "./moderation-target";
import { PostId } from "./post-input";

export const RemoveFromFaqInput = z.object({ postId: PostId });

/** Takes a promoted answer out of the incident's FAQ; the answer itself stays in the thread. */
export async function removeFromFaq({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(RemoveFromFaqInput, input);
  return db.$transaction(async (tx) => {
    const [entry] = await tx.$queryRaw<{ id: number; question: string; answer: string; position: number; slug: string }[]>`
      SELECT f.id, f.question, f.answer, f.position, i.slug
      FROM "FaqEntry" f JOIN "Incident" i ON i.id = f."incidentId"
      WHERE f."postId" = ${data.postId} FOR UPDATE OF f`;
    if (!entry) throw NotFound("That answer is not in the FAQ.");
    await tx.faqEntry.delete({ where: { id: entry.id }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "forum.faq.removed",
      entityType: "FaqEntry",
      entityId: entry.id,
      before: { postId: data.postId, question: entry.question, answer: entry.answer, position: entry.position },
    });
    return { postId: data.postId, inFaq: false, incidentSlug: entry.slug };
  });
}
