import type { SqlClient } from "@/lib/db";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { projectPlan, type PlanPhase } from "./project-plan";
import { SETTLED_STATES, sqlStateList } from "./transitions";

/** The per-state counts each phase caches, by the record state they count. */
const STATE_COLUMN: Partial<Record<RestorationState, string>> = {
  RESTORED: "restoredCount",
  PARTIAL: "partialCount",
  UNRECOVERABLE: "unrecoverableCount",
  RESTORING: "restoringCount",
  VALIDATED: "validatedCount",
  RECOVERED: "recoveredCount",
};
// Columns are UTC wall times without a zone: parameters go in as instants and come out as instants,
// whatever the time zone of the process.
const AT = `($2::timestamptz AT TIME ZONE 'UTC')`;
const utc = (column: string) => `"${column}" AT TIME ZONE 'UTC' AS "${column}"`;

const STATE_COLUMNS = Object.entries(STATE_COLUMN) as [RestorationState, string][];
export const COUNT_COLUMNS = ["affectedCount", ...STATE_COLUMNS.map(([, column]) => column)];

// One aggregate over the incident's records, cached on each phase so that every subscriber's ETA
// and the public progress read it without counting millions of rows per page view.
const RECOUNT_SQL = `
  UPDATE "RestorationPhase" p
  SET "affectedCount" = COALESCE(a.affected, 0), "settledCount" = COALESCE(a.settled, 0),
      ${STATE_COLUMNS.map(([, column]) => `"${column}" = COALESCE(a."${column}", 0)`).join(", ")}, "progressAt" = now()
  FROM "RestorationPhase" p2
  LEFT JOIN (
    SELECT "categoryId",
           count(*) FILTER (WHERE state <> 'NOT_AFFECTED') AS affected,
           count(*) FILTER (WHERE state IN (${sqlStateList(SETTLED_STATES)})) AS settled,
           ${STATE_COLUMNS.map(([state, column]) => `count(*) FILTER (WHERE state = '${state}') AS "${column}"`).join(", ")}
    FROM "RestorationRecord" WHERE "incidentId" = $1 GROUP BY "categoryId"
  ) a ON a."categoryId" = p2."categoryId"
  WHERE p.id = p2.id AND p."incidentId" = $1`;

/** Recounts every phase of the incident from its records (after an import, and in the seed). */
export async function recountPhaseProgress(sql: SqlClient, incidentId: number, now = new Date()): Promise<void> {
  await sql.query(RECOUNT_SQL, [incidentId]);
  await settlePlan(sql, incidentId, now);
}

/** One record moved: shift its phase's cached counts by exactly that move, without a recount. */
export async function adjustPhaseProgress(
  sql: SqlClient,
  { incidentId, categoryId, from, to }: { incidentId: number; categoryId: number; from: RestorationState | null; to: RestorationState },
  now = new Date(),
): Promise<void> {
  const delta = new Map<string, number>();
  const shift = (state: RestorationState | null, by: number) => {
    if (state === null) return;
    if (state !== "NOT_AFFECTED") delta.set("affectedCount", (delta.get("affectedCount") ?? 0) + by);
    if (SETTLED_STATES.includes(state)) delta.set("settledCount", (delta.get("settledCount") ?? 0) + by);
    const column = STATE_COLUMN[state];
    if (column) delta.set(column, (delta.get(column) ?? 0) + by);
  };
  shift(from, -1);
  shift(to, 1);
  const changes = [...delta].filter(([, by]) => by !== 0);
  if (changes.length > 0) {
    await sql.query(
      `UPDATE "RestorationPhase" SET ${changes.map(([column, by]) => `"${column}" = GREATEST(0, "${column}" + ${by})`).join(", ")}, "progressAt" = now()
       WHERE "incidentId" = $1 AND "categoryId" = $2`,
      [incidentId, categoryId],
    );
  }
  await settlePlan(sql, incidentId, now);
}

/**
 * After any change to an incident's restoration (records, phase states, plan dates or order):
 * stamp phases that started or completed, record today's point of the public progress chart, and
 * store a fresh projection of the whole plan. Everything any surface shows is read from here.
 */
export async function settlePlan(sql: SqlClient, incidentId: number, now = new Date()): Promise<void> {
  await sql.query(
    `UPDATE "RestorationPhase" SET
       "startedAt" = CASE WHEN state <> 'NOT_STARTED' THEN COALESCE("startedAt", ${AT}) ELSE "startedAt" END,
       "completedAt" = CASE WHEN state = 'DONE' OR ("affectedCount" > 0 AND "settledCount" >= "affectedCount") THEN COALESCE("completedAt", ${AT}) END
     WHERE "incidentId" = $1`,
    [incidentId, now.toISOString()],
  );
  await sql.query(
    `INSERT INTO "RestorationProgressDay" ("incidentId", "categoryId", day, ${COUNT_COLUMNS.map((c) => `"${c}"`).join(", ")}, "updatedAt")
     SELECT "incidentId", "categoryId", (${AT})::date, ${COUNT_COLUMNS.map((c) => `"${c}"`).join(", ")}, ${AT}
     FROM "RestorationPhase" WHERE "incidentId" = $1
     ON CONFLICT ("incidentId", "categoryId", day) DO UPDATE SET ${COUNT_COLUMNS.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ")}, "updatedAt" = EXCLUDED."updatedAt"`,
    [incidentId, now.toISOString()],
  );
  await reprojectPlan(sql, incidentId, now);
}

/** Projects the plan from the phases as stored and writes the projection back (a few rows). */
export async function reprojectPlan(sql: SqlClient, incidentId: number, now = new Date()): Promise<void> {
  const { rows } = await sql.query<PlanPhase>(
    `SELECT id, position, state::text AS state, ${utc("plannedStart")}, ${utc("plannedEnd")}, "parallelWithPrevious", ${utc("startedAt")}, ${utc("completedAt")},
            "affectedCount", "settledCount"
     FROM "RestorationPhase" WHERE "incidentId" = $1`,
    [incidentId],
  );
  if (rows.length === 0) return;
  const projection = projectPlan(rows, now);
  await sql.query(
    `UPDATE "RestorationPhase" p SET "projectedStart" = v.start AT TIME ZONE 'UTC', "projectedEnd" = v."end" AT TIME ZONE 'UTC',
       "projectionBasis" = v.basis::"ProjectionBasis", "projectedLate" = v.late, "projectedAt" = $6::timestamptz AT TIME ZONE 'UTC'
     FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::boolean[]) AS v(id, start, "end", basis, late)
     WHERE p.id = v.id`,
    [
      projection.map((p) => p.id),
      projection.map((p) => p.projectedStart?.toISOString() ?? null),
      projection.map((p) => p.projectedEnd?.toISOString() ?? null),
      projection.map((p) => p.basis),
      projection.map((p) => p.late),
      now.toISOString(),
    ],
  );
}

/**
 * Daily points for the days before the first count: the state of every record at each day's end,
 * read from the history. Days that already have a point are left as they are.
 */
export async function backfillProgressDays(sql: SqlClient, incidentId: number, now = new Date()): Promise<void> {
  await sql.query(
    `WITH ev AS (
       SELECT "categoryId", "toState", "asOf",
              lead("asOf") OVER (PARTITION BY "userId", "categoryId" ORDER BY "asOf", id) AS until
       FROM "RestorationEvent" WHERE "incidentId" = $1
     ),
     days AS (
       SELECT generate_series(min("asOf")::date, (${AT})::date - 1, interval '1 day')::date AS day FROM ev
     )
     INSERT INTO "RestorationProgressDay" ("incidentId", "categoryId", day, ${COUNT_COLUMNS.map((c) => `"${c}"`).join(", ")}, "updatedAt")
     SELECT $1, ev."categoryId", d.day, count(*) FILTER (WHERE ev."toState" <> 'NOT_AFFECTED'),
            ${STATE_COLUMNS.map(([state]) => `count(*) FILTER (WHERE ev."toState" = '${state}')`).join(", ")}, ${AT}
     FROM days d JOIN ev ON ev."asOf" < d.day + 1 AND (ev.until IS NULL OR ev.until >= d.day + 1)
     GROUP BY ev."categoryId", d.day
     ON CONFLICT ("incidentId", "categoryId", day) DO NOTHING`,
    [incidentId, now.toISOString()],
  );
}
