import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueFanout } from "@/lib/notifications/fanout/enqueue-fanout";
import { db } from "@/lib/db";
import { Conflict, Forbidden } from "@/lib/errors";
import { deriveComponentStatuses } from "@/lib/incidents/derive-component-statuses";
import { parseInput } from "@/lib/parse-input";
import { EditMaintenanceInput } from "./maintenance-input";
import { assertComponentsExist, lockMaintenance, maintenanceSnapshot } from "./maintenance-rows";
import { isFinished, MAINTENANCE_STATUS_LABEL } from "./transitions";

/**
 * Changes a scheduled or running window: text, times, services. Services added to or removed
 * from a running window change status at once.
 */
export async function editMaintenance({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can change maintenance.");
  const { maintenanceId, ...data } = parseInput(EditMaintenanceInput, input);
  return db.$transaction(async (tx) => {
    const { status } = await lockMaintenance(tx, maintenanceId);
    if (isFinished(status)) throw Conflict(`This maintenance is ${MAINTENANCE_STATUS_LABEL[status].toLowerCase()} and can no longer be changed.`);
    await assertComponentsExist(tx, data.componentIds);
    const before = await maintenanceSnapshot(tx, maintenanceId);
    const sameComponents = before.componentIds.join(",") === data.componentIds.join(",");
    const same =
      before.title === data.title &&
      before.body === data.body &&
      before.scheduledStart.getTime() === data.scheduledStart.getTime() &&
      before.scheduledEnd.getTime() === data.scheduledEnd.getTime() &&
      sameComponents;
    if (same) return { ...before, changed: false };

    await tx.maintenance.update({
      where: { id: maintenanceId },
      data: { title: data.title, body: data.body, scheduledStart: data.scheduledStart, scheduledEnd: data.scheduledEnd },
    });
    if (!sameComponents) {
      await tx.maintenanceComponent.deleteMany({ where: { maintenanceId } });
      await tx.maintenanceComponent.createMany({ data: data.componentIds.map((componentId) => ({ maintenanceId, componentId })) });
    }
    const componentStatuses = status === "IN_PROGRESS" && !sameComponents ? await deriveComponentStatuses(tx, [...before.componentIds, ...data.componentIds]) : [];
    const after = await maintenanceSnapshot(tx, maintenanceId);
    await recordAudit(tx, actor, { action: "maintenance.edited", entityType: "Maintenance", entityId: maintenanceId, before, after: { ...after, componentStatuses } });
    // Subscribers hear about a new time; wording fixes are not worth an email.
    const moved = before.scheduledStart.getTime() !== data.scheduledStart.getTime() || before.scheduledEnd.getTime() !== data.scheduledEnd.getTime();
    if (moved) await enqueueFanout(tx, "maintenance", maintenanceId, { event: "rescheduled" });
    return { ...after, changed: true };
  });
}
