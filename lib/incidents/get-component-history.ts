import { db } from "@/lib/db";
import type { ComponentStatus, IncidentImpact } from "@/lib/generated/prisma/enums";
import { dataRestoredAt } from "./data-restored-at";
import { computeComponentHistory, type ComponentHistory, type IncidentInterval } from "./uptime";

const DAY = 86_400_000;
export const HISTORY_DAYS = 90;

export interface ComponentHistories {
  /** ISO 8601; "today" in the bars is the UTC day of this instant. */
  generatedAt: string;
  days: number;
  byComponent: Record<number, ComponentHistory>;
}

interface IncidentRow {
  id: number;
  slug: string;
  title: string;
  impact: IncidentImpact;
  startedAt: Date;
  resolvedAt: Date | null;
  componentId: number;
  status: ComponentStatus;
  phases: number;
  allDone: boolean;
  pending: boolean;
  lastChangeAt: Date | null;
}

interface MaintenanceRow {
  slug: string;
  title: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  componentIds: number[];
}

/**
 * Every component's day-by-day history for the status page, from three queries: the components,
 * and the incident and maintenance intervals overlapping the window (joined to their components in
 * SQL, since Prisma's nested selects cost a second round trip each). An incident with a restoration
 * plan comes with a summary of it, and counts for as long as its data is not all back, even when
 * it was resolved before the window. Plain JSON, so it can be cached.
 */
export async function getComponentHistory({ now = new Date(), days = HISTORY_DAYS } = {}): Promise<ComponentHistories> {
  const windowStart = new Date((Math.floor(now.getTime() / DAY) - (days - 1)) * DAY);
  // Parameters are cast to timestamp: the columns hold UTC without a zone, whatever the session's zone is.
  const [components, incidentRows, maintenances] = await Promise.all([
    db.component.findMany({ select: { id: true, createdAt: true } }),
    db.$queryRaw<IncidentRow[]>`
      SELECT i.id, i.slug, i.title, i.impact::text AS impact, i."startedAt", i."resolvedAt", ic."componentId", ic.status::text AS status,
             p.phases, p."allDone", p.pending, p."lastChangeAt"
      FROM "Incident" i JOIN "IncidentComponent" ic ON ic."incidentId" = i.id
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS phases, COALESCE(bool_and(rp.state = 'DONE' OR rp."completedAt" IS NOT NULL), false) AS "allDone",
               COALESCE(bool_or(rp."settledCount" < rp."affectedCount"), false) AS pending,
               max(COALESCE(rp."completedAt", rp."updatedAt")) AS "lastChangeAt"
        FROM "RestorationPhase" rp WHERE rp."incidentId" = i.id
      ) p
      WHERE i."startedAt" <= ${now}::timestamp
        AND (i."resolvedAt" IS NULL OR i."resolvedAt" >= ${windowStart}::timestamp
             OR (p.phases > 0 AND (NOT p."allDone" OR p."lastChangeAt" >= ${windowStart}::timestamp)))
      ORDER BY i."startedAt", i.id`,
    db.$queryRaw<MaintenanceRow[]>`
      SELECT m.slug, m.title, m."scheduledStart", m."scheduledEnd", array_agg(mc."componentId" ORDER BY mc."componentId") AS "componentIds"
      FROM "Maintenance" m JOIN "MaintenanceComponent" mc ON mc."maintenanceId" = m.id
      WHERE m.status IN ('IN_PROGRESS', 'COMPLETED') AND m."scheduledStart" <= ${now}::timestamp AND m."scheduledEnd" >= ${windowStart}::timestamp
      GROUP BY m.id
      ORDER BY m."scheduledStart", m.id`,
  ]);

  const incidents = new Map<number, IncidentInterval>();
  for (const row of incidentRows) {
    const incident = incidents.get(row.id) ?? {
      slug: row.slug,
      title: row.title,
      impact: row.impact,
      startedAt: row.startedAt,
      resolvedAt: row.resolvedAt,
      components: [],
      dataRestoredAt: dataRestoredAt(row, row),
    };
    incident.components.push({ componentId: row.componentId, status: row.status });
    incidents.set(row.id, incident);
  }

  const histories = computeComponentHistory({ components, incidents: [...incidents.values()], maintenances, now, days });
  return { generatedAt: now.toISOString(), days, byComponent: Object.fromEntries(histories.map((h) => [h.componentId, h])) };
}
