import type { Actor } from "@/lib/auth/actor";
import { pgPool } from "@/lib/db";
import type { IncidentStatus, PhaseState, RestorationSource, RestorationState } from "@/lib/generated/prisma/enums";
import { estimateEta } from "./eta";
import { isSettled } from "./transitions";

const HISTORY_PER_CATEGORY = 20;

interface RecordRow {
  state: RestorationState;
  itemsLost: number;
  itemsRecovered: number;
  itemsRestored: number;
  asOf: Date;
  incidentId: number;
  slug: string;
  title: string;
  incidentStatus: IncidentStatus;
  categoryId: number;
  categorySlug: string;
  categoryName: string;
  itemNoun: string;
  position: number | null;
  phaseState: PhaseState | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  affectedCount: number | null;
  settledCount: number | null;
}

interface EventRow {
  id: string;
  incidentId: number;
  categoryId: number;
  fromState: RestorationState | null;
  toState: RestorationState;
  itemsLost: number;
  itemsRestored: number;
  source: RestorationSource;
  asOf: Date;
}

// The busiest signed-in page: two plain SQL queries (in parallel) rather than one ORM call per
// relation. The user id comes from the session, never from input, so nobody else's data is reachable.
const RECORDS = `
  SELECT r.state, r."itemsLost", r."itemsRecovered", r."itemsRestored", r."asOf",
         i.id AS "incidentId", i.slug, i.title, i.status AS "incidentStatus",
         c.id AS "categoryId", c.slug AS "categorySlug", c.name AS "categoryName", c."itemNoun",
         p.position, p.state AS "phaseState", p."plannedStart", p."plannedEnd", p."affectedCount", p."settledCount"
  FROM "RestorationRecord" r
  JOIN "Incident" i ON i.id = r."incidentId"
  JOIN "DataCategory" c ON c.id = r."categoryId"
  LEFT JOIN "RestorationPhase" p ON p."incidentId" = r."incidentId" AND p."categoryId" = r."categoryId"
  WHERE r."userId" = $1
  ORDER BY r."incidentId" DESC, c.position`;
const EVENTS = `
  SELECT id::text, "incidentId", "categoryId", "fromState", "toState", "itemsLost", "itemsRestored", source, "asOf"
  FROM "RestorationEvent" WHERE "userId" = $1 ORDER BY "asOf" DESC, id DESC LIMIT 500`;

/** The signed-in subscriber's own restoration, per incident and category, with an ETA and history. */
export async function getMyRecovery(actor: Actor, now = new Date()) {
  const pool = pgPool();
  const [records, events] = await Promise.all([pool.query<RecordRow>(RECORDS, [actor.id]), pool.query<EventRow>(EVENTS, [actor.id])]);
  const incidentIds = [...new Set(records.rows.map((r) => r.incidentId))];

  return incidentIds.map((incidentId) => {
    const own = records.rows.filter((r) => r.incidentId === incidentId);
    const categories = own.map((r) => {
      const phase =
        r.phaseState === null
          ? null
          : { position: r.position ?? 0, state: r.phaseState, plannedStart: r.plannedStart, plannedEnd: r.plannedEnd, affectedCount: r.affectedCount ?? 0, settledCount: r.settledCount ?? 0 };
      return {
        state: r.state,
        itemsLost: r.itemsLost,
        itemsRecovered: r.itemsRecovered,
        itemsRestored: r.itemsRestored,
        asOf: r.asOf,
        category: { id: r.categoryId, slug: r.categorySlug, name: r.categoryName, itemNoun: r.itemNoun },
        phase,
        eta: estimateEta(r.state, phase, now),
        history: events.rows.filter((e) => e.incidentId === incidentId && e.categoryId === r.categoryId).slice(0, HISTORY_PER_CATEGORY),
      };
    });
    const affected = categories.filter((c) => c.state !== "NOT_AFFECTED");
    // The plan order tells the subscriber what comes back next.
    const next = affected
      .filter((c) => !isSettled(c.state))
      .sort((a, b) => (a.phase?.position ?? 99) - (b.phase?.position ?? 99))[0];
    const first = own[0]!;
    return {
      incident: { id: first.incidentId, slug: first.slug, title: first.title, status: first.incidentStatus },
      categories,
      affectedCount: affected.length,
      restoredCount: affected.filter((c) => c.state === "RESTORED").length,
      settledCount: affected.filter((c) => isSettled(c.state)).length,
      next: next ? { name: next.category.name, eta: next.eta } : null,
    };
  });
}

export type MyRecovery = Awaited<ReturnType<typeof getMyRecovery>>;
