import type { Tx } from "@/lib/db";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";

export interface IncidentState {
  status: IncidentStatus;
  resolvedAt: Date | null;
}

/**
 * An incident's status is its latest update's. It is resolved from the first update of the run of
 * RESOLVED updates that ends the timeline: a later "resolved" note keeps the original time, and
 * an update with any other status reopens the incident.
 */
export function incidentStateAfter(current: { resolvedAt: Date | null }, latest: { status: IncidentStatus; createdAt: Date } | null): IncidentState {
  if (!latest) return { status: "INVESTIGATING", resolvedAt: null };
  if (latest.status !== "RESOLVED") return { status: latest.status, resolvedAt: null };
  return { status: "RESOLVED", resolvedAt: current.resolvedAt ?? latest.createdAt };
}

/** Stores the incident's derived status and resolution time, inside the caller's transaction. */
export async function deriveIncidentStatus(tx: Tx, incidentId: number): Promise<IncidentState & { changed: boolean }> {
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { status: true, resolvedAt: true } });
  const latest = await tx.incidentUpdate.findFirst({ where: { incidentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { status: true, createdAt: true } });
  const next = incidentStateAfter(incident, latest);
  const changed = next.status !== incident.status || next.resolvedAt?.getTime() !== incident.resolvedAt?.getTime();
  if (changed) await tx.incident.update({ where: { id: incidentId }, data: next });
  return { ...next, changed };
}
