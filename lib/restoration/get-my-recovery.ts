import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/**
 * The signed-in subscriber's own restoration records, per incident and category.
 * The user id comes from the session, never from input, so nobody else's data is reachable.
 */
export async function getMyRecovery(actor: Actor) {
  const records = await db.restorationRecord.findMany({
    where: { userId: actor.id },
    orderBy: [{ incidentId: "desc" }, { category: { position: "asc" } }],
    select: {
      state: true,
      itemsLost: true,
      itemsRecovered: true,
      itemsRestored: true,
      asOf: true,
      incident: { select: { id: true, slug: true, title: true, status: true } },
      category: { select: { id: true, slug: true, name: true, itemNoun: true } },
    },
  });
  const phases = await db.restorationPhase.findMany({
    where: { incidentId: { in: [...new Set(records.map((r) => r.incident.id))] } },
    select: { incidentId: true, categoryId: true, plannedEnd: true, state: true },
  });
  const phaseOf = (incidentId: number, categoryId: number) => phases.find((p) => p.incidentId === incidentId && p.categoryId === categoryId);

  const incidents = new Map<number, { incident: (typeof records)[number]["incident"]; categories: ((typeof records)[number] & { plannedEnd: Date | null })[] }>();
  for (const record of records) {
    const entry = incidents.get(record.incident.id) ?? { incident: record.incident, categories: [] };
    entry.categories.push({ ...record, plannedEnd: phaseOf(record.incident.id, record.category.id)?.plannedEnd ?? null });
    incidents.set(record.incident.id, entry);
  }
  return [...incidents.values()].map((entry) => {
    const affected = entry.categories.filter((c) => c.state !== "NOT_AFFECTED");
    const done = affected.filter((c) => ["RESTORED", "PARTIAL", "UNRECOVERABLE"].includes(c.state));
    return { ...entry, affectedCount: affected.length, settledCount: done.length, restoredCount: affected.filter((c) => c.state === "RESTORED").length };
  });
}
