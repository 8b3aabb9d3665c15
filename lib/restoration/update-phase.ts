import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, txSql } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { PhaseState } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";
import { lockRestorationRecords } from "./lock-restoration";
import { settlePlan } from "./refresh-phase-progress";
import { parseUtcDateTimeLocal } from "./utc-datetime";

/** A datetime-local value in UTC, or "" for no date. */
const PlanTime = z.string({ error: "Enter a date and time, or leave it empty." }).transform((value, ctx) => {
  if (value.trim() === "") return null;
  const date = parseUtcDateTimeLocal(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "Enter a real date and time, such as 2026-11-20 09:00 (UTC)." });
    return z.NEVER;
  }
  return date;
});

export const UpdatePhaseInput = z
  .object({
    phaseId: z.coerce.number().int().positive(),
    plannedStart: PlanTime,
    plannedEnd: PlanTime,
    state: z.enum(PhaseState, { error: "Choose whether the phase has not started, is in progress or is done." }),
    /** A checkbox: present ("on") when the phase runs alongside the one before it. */
    parallelWithPrevious: z
      .union([z.boolean(), z.enum(["on", "true", "false"])])
      .nullish()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .refine((v) => !v.plannedStart || !v.plannedEnd || v.plannedEnd.getTime() > v.plannedStart.getTime(), {
    message: "The planned end must be after the planned start.",
    path: ["plannedEnd"],
  });

const PHASE_FIELDS = { id: true, incidentId: true, position: true, plannedStart: true, plannedEnd: true, state: true, parallelWithPrevious: true, category: { select: { slug: true } } } as const;

/**
 * Re-times a phase of the restoration plan, sets its state and whether it runs in parallel with the
 * phase before it; audited with before and after. The plan's projection is stored again at once.
 */
export async function updatePhase({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can change the restoration plan.");
  const data = parseInput(UpdatePhaseInput, input);
  return db.$transaction(async (tx) => {
    const phase = await tx.restorationPhase.findUnique({ where: { id: data.phaseId }, select: { incidentId: true } });
    if (!phase) throw NotFound("That phase is no longer in the plan. Reload the page.");
    // The projection is stored again below: the same lock as imports, so the two never interleave.
    await lockRestorationRecords(tx, phase.incidentId);
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "RestorationPhase" WHERE id = ${data.phaseId} FOR UPDATE`;
    if (!locked) throw NotFound("That phase is no longer in the plan. Reload the page.");
    const before = await tx.restorationPhase.findUniqueOrThrow({ where: { id: data.phaseId }, select: PHASE_FIELDS });
    const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
    const unchanged = same(before.plannedStart, data.plannedStart) && same(before.plannedEnd, data.plannedEnd) && before.state === data.state;
    if (unchanged && before.parallelWithPrevious === data.parallelWithPrevious) return before;
    const after = await tx.restorationPhase.update({
      where: { id: data.phaseId },
      data: { plannedStart: data.plannedStart, plannedEnd: data.plannedEnd, state: data.state, parallelWithPrevious: data.parallelWithPrevious },
      select: PHASE_FIELDS,
    });
    await settlePlan(txSql(tx), after.incidentId);
    await recordAudit(tx, actor, { action: "restoration.phase.updated", entityType: "RestorationPhase", entityId: after.id, before, after });
    return after;
  });
}
