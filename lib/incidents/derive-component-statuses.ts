import type { Tx } from "@/lib/db";
import type { ComponentStatus } from "@/lib/generated/prisma/enums";
import { COMPONENT_SEVERITY } from "./overall-status";

/**
 * A component's status follows from what is going on, never from a separate setting: the worst
 * status it has in any unresolved incident, else MAINTENANCE while a window covering it is in
 * progress, else OPERATIONAL. "Operational" within an incident means affected but working.
 */
export function deriveComponentStatus({ incidentStatuses, underMaintenance }: { incidentStatuses: readonly ComponentStatus[]; underMaintenance: boolean }): ComponentStatus {
  const broken = incidentStatuses.filter((s) => s !== "OPERATIONAL" && s !== "MAINTENANCE");
  if (broken.length > 0) return broken.reduce((worst, s) => (COMPONENT_SEVERITY[s] > COMPONENT_SEVERITY[worst] ? s : worst));
  return underMaintenance ? "MAINTENANCE" : "OPERATIONAL";
}

export interface ComponentStatusChange {
  componentId: number;
  from: ComponentStatus;
  to: ComponentStatus;
}

/**
 * Recomputes and stores the status of the given components, inside the caller's transaction (which
 * must already hold its own changes). Every use case that touches incidents, their components or
 * maintenance calls this with every component it may have affected, old and new.
 */
export async function deriveComponentStatuses(tx: Tx, componentIds: Iterable<number>): Promise<ComponentStatusChange[]> {
  const ids = [...new Set(componentIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  // Row locks, taken in id order, serialise writers that share a component: whoever derives last
  // waits for the others to commit and so reads every change, whatever order they committed in.
  // NO KEY UPDATE, because it does not conflict with the key-share locks that inserting
  // IncidentComponent rows (foreign keys) already holds on the same components.
  const current = await tx.$queryRaw<{ id: number; status: ComponentStatus }[]>`
    SELECT id, status::text AS status FROM "Component" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR NO KEY UPDATE`;
  const links = await tx.incidentComponent.findMany({
    where: { componentId: { in: ids }, incident: { status: { not: "RESOLVED" } } },
    select: { componentId: true, status: true },
  });
  const maintained = await tx.maintenanceComponent.findMany({
    where: { componentId: { in: ids }, maintenance: { status: "IN_PROGRESS" } },
    select: { componentId: true },
  });

  const changes: ComponentStatusChange[] = [];
  for (const { id, status } of current) {
    const to = deriveComponentStatus({
      incidentStatuses: links.filter((l) => l.componentId === id).map((l) => l.status),
      underMaintenance: maintained.some((m) => m.componentId === id),
    });
    if (to !== status) changes.push({ componentId: id, from: status, to });
  }
  for (const to of new Set(changes.map((c) => c.to))) {
    await tx.component.updateMany({ where: { id: { in: changes.filter((c) => c.to === to).map((c) => c.componentId) } }, data: { status: to } });
  }
  return changes;
}
