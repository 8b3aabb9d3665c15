import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { UpdateBody } from "./incident-input";
import { lockIncident } from "./incident-rows";

export const EditUpdateInput = z.object({
  updateId: z.coerce.number({ error: "That update does not exist. Reload the page." }).int().positive("That update does not exist. Reload the page."),
  body: UpdateBody,
});

/**
 * Corrects the text of a posted update (a typo, a wrong number). Its status and time stay, since
 * the timeline is a record of what was said when; who corrected it and when is kept on the update
 * and every version in the audit log.
 */
export async function editUpdate({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can edit incident updates.");
  const data = parseInput(EditUpdateInput, input);
  return db.$transaction(async (tx) => {
    const target = await tx.incidentUpdate.findUnique({ where: { id: data.updateId }, select: { incidentId: true } });
    if (!target) throw NotFound("That update no longer exists. Reload the page.");
    const { slug } = await lockIncident(tx, target.incidentId);
    const before = await tx.incidentUpdate.findUniqueOrThrow({ where: { id: data.updateId }, select: { body: true, editedAt: true, editedById: true } });
    if (before.body === data.body) return { slug, changed: false };
    const after = await tx.incidentUpdate.update({
      where: { id: data.updateId },
      data: { body: data.body, editedAt: new Date(), editedById: actor.id },
      select: { body: true, editedAt: true, editedById: true },
    });
    await recordAudit(tx, actor, { action: "incident.update.edited", entityType: "IncidentUpdate", entityId: data.updateId, before, after: { incidentId: target.incidentId, ...after } });
    return { slug, changed: true };
  });
}
