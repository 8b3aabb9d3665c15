import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueFanout } from "@/lib/notifications/fanout/enqueue-fanout";
import { db } from "@/lib/db";
import { Conflict, Forbidden } from "@/lib/errors";
import { deriveComponentStatuses } from "@/lib/incidents/derive-component-statuses";
import { parseInput } from "@/lib/parse-input";
import { MaintenanceId } from "./maintenance-input";
import { lockMaintenance, maintenanceSnapshot } from "./maintenance-rows";
import { applyMaintenanceTransition, type MaintenanceAction } from "./transitions";

export const TransitionMaintenanceInput = z.object({
  maintenanceId: MaintenanceId,
  action: z.enum(["start", "complete", "cancel"] satisfies MaintenanceAction[], { error: "Choose whether to start, complete or cancel the maintenance." }),
});

/** Starts, completes or cancels a window (see transitions.ts); its services' statuses follow. */
export async function transitionMaintenance({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can start, complete or cancel maintenance.");
  const { maintenanceId, action } = parseInput(TransitionMaintenanceInput, input);
  return db.$transaction(async (tx) => {
    const { status } = await lockMaintenance(tx, maintenanceId);
    const step = applyMaintenanceTransition(status, action);
    if (!step.ok) throw Conflict(step.reason);
    await tx.maintenance.update({ where: { id: maintenanceId }, data: { status: step.to } });
    const snapshot = await maintenanceSnapshot(tx, maintenanceId);
    const componentStatuses = await deriveComponentStatuses(tx, snapshot.componentIds);
    await recordAudit(tx, actor, {
      action: `maintenance.${{ start: "started", complete: "completed", cancel: "cancelled" }[action]}`,
      entityType: "Maintenance",
      entityId: maintenanceId,
      before: { status },
      after: { status: step.to, componentStatuses },
    });
    await enqueueFanout(tx, "maintenance", maintenanceId, { event: { start: "started", complete: "completed", cancel: "cancelled" }[action] });
    return { ...snapshot, componentStatuses };
  });
}
