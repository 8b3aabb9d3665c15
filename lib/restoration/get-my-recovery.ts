import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { estimateEta } from "./eta";

const HISTORY_PER_CATEGORY = 20;

/**
 * The signed-in subscriber's own restoration, per incident and category, with an ETA and history.
 * The user id comes from the session, never from input, so nobody else's data is reachable.
 */
export async function getMyRecovery(actor: Actor, now = new Date()) {
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
  if (records.length === 0) return [];
  const incidentIds = [...new Set(records.map((r) => r.incident.id))];
  const [phases, events] = await Promise.all([
    db.restorationPhase.findMany({
      where: { incidentId: { in: incidentIds } },
      orderBy: { position: "asc" },
      select: { incidentId: true, categoryId: true, position: true, state: true, plannedStart: true, plannedEnd: true, affectedCount: true, settledCount: true },
    }),
    db.restorationEvent.findMany({
      where: { userId: actor.id, incidentId: { in: incidentIds } },
      orderBy: [{ asOf: "desc" }, { id: "desc" }],
      take: 500,
      select: { id: true, incidentId: true, categoryId: true, fromState: true, toState: true, itemsLost: true, itemsRestored: true, source: true, asOf: true },
    }),
  ]);

  return incidentIds.map((incidentId) => {
    const own = records.filter((r) => r.incident.id === incidentId);
    const categories = own.map((record) => {
      const phase = phases.find((p) => p.incidentId === incidentId && p.categoryId === record.category.id) ?? null;
      return {
        ...record,
        phase,
        eta: estimateEta(record.state, phase, now),
        history: events.filter((e) => e.incidentId === incidentId && e.categoryId === record.category.id).slice(0, HISTORY_PER_CATEGORY),
      };
    });
    const affected = categories.filter((c) => c.state !== "NOT_AFFECTED");
    // The plan order tells the subscriber what comes back next.
    const next = [...affected]
      .filter((c) => !["RESTORED", "PARTIAL", "UNRECOVERABLE"].includes(c.state))
      .sort((a, b) => (a.phase?.position ?? 99) - (b.phase?.position ?? 99))[0];
    return {
      incident: own[0]!.incident,
      categories,
      affectedCount: affected.length,
      restoredCount: affected.filter((c) => c.state === "RESTORED").length,
      settledCount: affected.filter((c) => ["RESTORED", "PARTIAL", "UNRECOVERABLE"].includes(c.state)).length,
      next: next ? { name: next.category.name, eta: next.eta } : null,
    };
  });
}

export type MyRecovery = Awaited<ReturnType<typeof getMyRecovery>>;
