// Row-level steps the incident use cases share, always inside their transaction.
import type { Tx } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import type { ComponentStatus } from "@/lib/generated/prisma/enums";

/** One affected service of an incident and its status during the incident. */
export type ComponentLink = { componentId: number; status: ComponentStatus };

/** Locks the incident row for the rest of the transaction, so changes to one incident never interleave. */
export async function lockIncident(tx: Tx, incidentId: number): Promise<{ id: number; slug: string }> {
  const [row] = await tx.$queryRaw<{ id: number; slug: string }[]>`SELECT id, slug FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  if (!row) throw NotFound("That incident no longer exists. Reload the page.");
  return row;
}

/** Refuses a list naming a service that has been removed since the form was loaded. */
export async function assertComponentsExist(tx: Tx, componentIds: number[]): Promise<void> {
  const found = await tx.component.count({ where: { id: { in: componentIds } } });
  if (found !== new Set(componentIds).size) throw Invalid("One of the chosen services no longer exists. Reload the page and choose again.", { field: "components" });
}

export function incidentComponentsOf(tx: Tx, incidentId: number): Promise<ComponentLink[]> {
  return tx.incidentComponent.findMany({ where: { incidentId }, orderBy: { componentId: "asc" }, select: { componentId: true, status: true } });
}

export const sameComponents = (a: readonly ComponentLink[], b: readonly ComponentLink[]) => {
  const key = (list: readonly ComponentLink[]) => list.map((c) => `${c.componentId}:${c.status}`).sort().join(",");
  return key(a) === key(b);
};

/** Replaces the incident's affected services; returns the ids whose status may now differ (old and new). */
export async function replaceIncidentComponents(tx: Tx, incidentId: number, before: readonly ComponentLink[], after: readonly ComponentLink[]): Promise<number[]> {
  await assertComponentsExist(tx, after.map((c) => c.componentId));
  await tx.incidentComponent.deleteMany({ where: { incidentId } });
  await tx.incidentComponent.createMany({ data: after.map((c) => ({ incidentId, componentId: c.componentId, status: c.status })) });
  return [...before, ...after].map((c) => c.componentId);
}
