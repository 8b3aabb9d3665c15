import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueFanout } from "@/lib/notifications/fanout/enqueue-fanout";
import { db } from "@/lib/db";
import { Forbidden, Invalid } from "@/lib/errors";
import { claimSlug } from "@/lib/incidents/claim-slug";
import { parseInput } from "@/lib/parse-input";
import { MaintenanceFields } from "./maintenance-input";
import { assertComponentsExist, maintenanceSnapshot } from "./maintenance-rows";

/** Announces a maintenance window. Nothing changes on the services until staff start it. */
export async function scheduleMaintenance({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can schedule maintenance.");
  const data = parseInput(MaintenanceFields, input);
  if (data.scheduledEnd.getTime() <= now.getTime()) throw Invalid("The end is already in the past. Maintenance can only be scheduled ahead.", { field: "scheduledEnd" });
  return db.$transaction(async (tx) => {
    await assertComponentsExist(tx, data.componentIds);
    const slug = await claimSlug(tx, "maintenance", data.title);
    const { id } = await tx.maintenance.create({
      data: {
        slug,
        title: data.title,
        body: data.body,
        scheduledStart: data.scheduledStart,
        scheduledEnd: data.scheduledEnd,
        components: { create: data.componentIds.map((componentId) => ({ componentId })) },
      },
      select: { id: true },
    });
    const after = await maintenanceSnapshot(tx, id);
    await recordAudit(tx, actor, { action: "maintenance.scheduled", entityType: "Maintenance", entityId: id, after });
    await enqueueFanout(tx, "maintenance", id, { event: "scheduled" });
    return after;
  });
}
