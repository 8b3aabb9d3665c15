import type { Tx } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import type { MaintenanceStatus } from "@/lib/generated/prisma/enums";

export const MAINTENANCE_SNAPSHOT = {
  id: true,
  slug: true,
  title: true,
  body: true,
  status: true,
  scheduledStart: true,
  scheduledEnd: true,
  components: { orderBy: { componentId: "asc" }, select: { componentId: true } },
} as const;

/** Locks the window for the rest of the transaction, so an edit and a start never interleave. */
export async function lockMaintenance(tx: Tx, id: number): Promise<{ id: number; status: MaintenanceStatus }> {
  const [row] = await tx.$queryRaw<{ id: number; status: MaintenanceStatus }[]>`SELECT id, status::text AS status FROM "Maintenance" WHERE id = ${id} FOR UPDATE`;
  if (!row) throw NotFound("That maintenance window no longer exists. Reload the page.");
  return row;
}

export async function assertComponentsExist(tx: Tx, ids: number[]): Promise<void> {
  if ((await tx.component.count({ where: { id: { in: ids } } })) !== ids.length) {
    throw Invalid("One of the chosen services no longer exists. Reload the page and choose again.", { field: "componentIds" });
  }
}

/** The audit log's picture of a window: plain component ids instead of rows. */
export async function maintenanceSnapshot(tx: Tx, id: number) {
  const { components, ...rest } = await tx.maintenance.findUniqueOrThrow({ where: { id }, select: MAINTENANCE_SNAPSHOT });
  return { ...rest, componentIds: components.map((c) => c.componentId) };
}
