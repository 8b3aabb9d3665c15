import type { Actor } from "@/lib/auth/actor";
import { pgPool, preparedName } from "@/lib/db";
import type { Jsonified } from "@/lib/http/json";
import type { IncidentStatus, PhaseState, ProjectionBasis, RestorationSource, RestorationState } from "@/lib/generated/prisma/enums";
import { estimateEta, nextToComeBack } from "./eta";
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
  projectionBasis: ProjectionBasis | null;
  projectedEnd: Date | null;
  projectedLate: boolean | null;
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

// The busiest signed-in view: one plain SQL statement (the records with their phases, and the
// latest history) rather than one ORM call per relation. The user id comes from the session,
// never from input, so nobody else's data is reachable.
const MY_RECOVERY = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'state', r.state, 'itemsLost', r."itemsLost", 'itemsRecovered', r."itemsRecovered", 'itemsRestored', r."itemsRestored",
        'asOf', r."asOf" AT TIME ZONE 'UTC', 'incidentId', i.id, 'slug', i.slug, 'title', i.title, 'incidentStatus', i.status,
        'categoryId', c.id, 'categorySlug', c.slug, 'categoryName', c.name, 'itemNoun', c."itemNoun",
        'position', p.position, 'phaseState', p.state, 'plannedStart', p."plannedStart" AT TIME ZONE 'UTC',
        'plannedEnd', p."plannedEnd" AT TIME ZONE 'UTC', 'affectedCount', p."affectedCount", 'settledCount', p."settledCount",
        'projectionBasis', p."projectionBasis", 'projectedEnd', p."projectedEnd" AT TIME ZONE 'UTC', 'projectedLate', p."projectedLate")
      ORDER BY r."incidentId" DESC, c.position), '[]')
     FROM "RestorationRecord" r
     JOIN "Incident" i ON i.id = r."incidentId"
     JOIN "DataCategory" c ON c.id = r."categoryId"
     LEFT JOIN "RestorationPhase" p ON p."incidentId" = r."incidentId" AND p."categoryId" = r."categoryId"
     WHERE r."userId" = $1) AS records,
    (SELECT coalesce(json_agg(json_build_object(
        'id', e.id::text, 'incidentId', e."incidentId", 'categoryId', e."categoryId", 'fromState', e."fromState", 'toState', e."toState",
        'itemsLost', e."itemsLost", 'itemsRestored', e."itemsRestored", 'source', e.source, 'asOf', e."asOf" AT TIME ZONE 'UTC')
      ORDER BY e."asOf" DESC, e.id DESC), '[]')
     FROM (SELECT * FROM "RestorationEvent" WHERE "userId" = $1 ORDER BY "asOf" DESC, id DESC LIMIT 500) e) AS events`;

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/** The signed-in subscriber's own restoration, per incident and category, with an ETA and history. */
export async function getMyRecovery(actor: Actor, now = new Date()) {
  const { rows } = await pgPool().query<{ records: Jsonified<RecordRow>[]; events: Jsonified<EventRow>[] }>({ name: preparedName("my-recovery"), text: MY_RECOVERY, values: [actor.id] });
  const records = rows[0]!.records.map((r): RecordRow => ({ ...r, asOf: new Date(r.asOf), plannedStart: dateOrNull(r.plannedStart), plannedEnd: dateOrNull(r.plannedEnd), projectedEnd: dateOrNull(r.projectedEnd) }));
  const events = rows[0]!.events.map((e): EventRow => ({ ...e, asOf: new Date(e.asOf) }));
  const incidentIds = [...new Set(records.map((r) => r.incidentId))];

  return incidentIds.map((incidentId) => {
    const own = records.filter((r) => r.incidentId === incidentId);
    const categories = own.map((r) => {
      const phase =
        r.phaseState === null
          ? null
          : {
              position: r.position ?? 0,
              state: r.phaseState,
              plannedStart: r.plannedStart,
              plannedEnd: r.plannedEnd,
              affectedCount: r.affectedCount ?? 0,
              settledCount: r.settledCount ?? 0,
              basis: r.projectionBasis,
              projectedEnd: r.projectedEnd,
              late: r.projectedLate ?? false,
            };
      return {
        state: r.state,
        itemsLost: r.itemsLost,
        itemsRecovered: r.itemsRecovered,
        itemsRestored: r.itemsRestored,
        asOf: r.asOf,
        category: { id: r.categoryId, slug: r.categorySlug, name: r.categoryName, itemNoun: r.itemNoun },
        position: r.position ?? 99,
        phase,
        eta: estimateEta(r.state, phase, now),
        history: events.filter((e) => e.incidentId === incidentId && e.categoryId === r.categoryId).slice(0, HISTORY_PER_CATEGORY),
      };
    });
    const affected = categories.filter((c) => c.state !== "NOT_AFFECTED");
    const next = nextToComeBack(affected);
    const first = own[0]!;
    return {
      incident: { id: first.incidentId, slug: first.slug, title: first.title, status: first.incidentStatus },
      categories,
      affectedCount: affected.length,
      restoredCount: affected.filter((c) => c.state === "RESTORED").length,
      settledCount: affected.filter((c) => isSettled(c.state)).length,
      comingBack: affected.filter((c) => c.state === "RESTORING").map((c) => c.category.name),
      next: next ? { name: next.category.name, eta: next.eta } : null,
    };
  });
}

export type MyRecovery = Awaited<ReturnType<typeof getMyRecovery>>;
