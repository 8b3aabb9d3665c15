import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertModerator } from "./moderation-target";
import { IncidentSlug } from "./post-input";

export const SetQaLockedInput = z.object({ incidentSlug: IncidentSlug, locked: z.boolean({ error: "Say whether to close or reopen." }) });

/** Closes (or reopens) a whole incident's Q&A to new questions and replies. */
export async function setQaLocked({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const data = parseInput(SetQaLockedInput, input);
  return db.$transaction(async (tx) => {
    const [incident] = await tx.$queryRaw<{ id: number; qaLockedAt: Date | null }[]>`
      SELECT id, "qaLockedAt" FROM "Incident" WHERE slug = ${data.incidentSlug} FOR UPDATE`;
    if (!incident) throw NotFound("There is no incident at this address.");
    const result = { qaLocked: data.locked, incidentSlug: data.incidentSlug };
    if ((incident.qaLockedAt !== null) === data.locked) return result;
    await tx.incident.update({ where: { id: incident.id }, data: { qaLockedAt: data.locked ? new Date() : null }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: data.locked ? "forum.qa.locked" : "forum.qa.unlocked",
      entityType: "Incident",
      entityId: incident.id,
      before: { qaLockedAt: incident.qaLockedAt },
    });
    return result;
  });
}
