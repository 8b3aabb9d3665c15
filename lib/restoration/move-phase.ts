import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, txSql } from "@/lib/db";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { lockRestorationRecords } from "./lock-restoration";
import { settlePlan } from "./refresh-phase-progress";

export const MovePhaseInput = z.object({
  phaseId: z.coerce.number().int().positive(),
  direction: z.enum(["up", "down"], { error: "Choose whether to move the phase up or down." }),
});

/**
 * Moves a phase one place earlier or later in its incident's plan. Positions are rewritten as
 * 0…n-1 in the same step, so gaps or ties left by earlier edits never make a move ambiguous.
 */
export async function movePhase({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can change the restoration plan.");
  const { phaseId, direction } = parseInput(MovePhaseInput, input);
  return db.$transaction(async (tx) => {
    const target = await tx.restorationPhase.findUnique({ where: { id: phaseId }, select: { incidentId: true } });
    if (!target) throw NotFound("That phase is no longer in the plan. Reload the page.");
    await lockRestorationRecords(tx, target.incidentId);
    // Lock the whole plan: two people reordering at once must not interleave their swaps.
    const plan = await tx.$queryRaw<{ id: number; position: number; slug: string }[]>`
      SELECT p.id, p.position, c.slug FROM "RestorationPhase" p JOIN "DataCategory" c ON c.id = p."categoryId"
      WHERE p."incidentId" = ${target.incidentId} ORDER BY p.position, p.id FOR UPDATE OF p`;
    const from = plan.findIndex((p) => p.id === phaseId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0) throw NotFound("That phase is no longer in the plan. Reload the page.");
    if (to < 0 || to >= plan.length) throw Invalid(direction === "up" ? "This phase is already first in the plan." : "This phase is already last in the plan.");

    const order = plan.map((p) => p.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, id] of order.entries()) {
      if (plan.find((p) => p.id === id)!.position !== position) await tx.restorationPhase.update({ where: { id }, data: { position } });
    }
    await settlePlan(txSql(tx), target.incidentId);
    const slugOf = (id: number) => plan.find((p) => p.id === id)!.slug;
    await recordAudit(tx, actor, {
      action: "restoration.phase.moved",
      entityType: "RestorationPhase",
      entityId: phaseId,
      before: { incidentId: target.incidentId, order: plan.map((p) => p.slug) },
      after: { incidentId: target.incidentId, order: order.map(slugOf), direction },
    });
    return { incidentId: target.incidentId, order: order.map(slugOf) };
  });
}
