// The set-based half of an import: once every row sits in the `staging` temp table, a handful of
// statements resolve subscribers, walk transitions and merge, for any number of rows. Rows carry
// their file line number throughout, for the error report.
import type { PoolClient } from "pg";
import { GATED_STATES, sqlStateList, TRANSITIONS } from "./transitions";

const GATED = sqlStateList(GATED_STATES);
const ALLOWED_PAIRS = Object.entries(TRANSITIONS)
  .flatMap(([from, tos]) => tos.map((to) => `('${from}', '${to}')`))
  .join(", ");

export const CREATE_STAGING = `
  CREATE TEMP TABLE staging (
    line integer NOT NULL, ref text, category text, category_id integer, state text,
    lost integer, recovered integer, restored integer, as_of timestamptz, error text
  ) ON COMMIT DROP`;

export const STAGING_COLUMNS = ["line", "ref", "category", "category_id", "state", "lost", "recovered", "restored", "as_of", "error"] as const;

export const COPY_STAGING = `COPY staging (${STAGING_COLUMNS.join(", ")}) FROM STDIN`;

/** One COPY text-format line; values are escaped so no field can break the row apart. */
export function copyLine(values: (string | number | null)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += "\t";
    if (v === null || v === undefined) line += "\\N";
    else if (typeof v === "number") line += v;
    else line += SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPES[c]!) : v;
  }
  return line + "\n";
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

// IMPORT_TRACE=1 prints how long each step of an import takes (for operators tuning large imports).
export async function traceStep<T>(label: string, step: () => Promise<T>): Promise<T> {
  if (!process.env.IMPORT_TRACE) return step();
  const started = performance.now();
  try {
    return await step();
  } finally {
    console.error(`[import] ${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
}

const run = (client: PoolClient, label: string, sql: string, params: unknown[] = []) => traceStep(label, () => client.query(sql, params));

export interface MergeCounts {
  totalRows: number;
  rejectedRows: number;
  staleRows: number;
  /** Rows identical to an earlier row of the same record and as-of time: applied once. */
  duplicateRows: number;
}

/** Why a record may not go from `from` (NULL: no record yet) to `to`, or NULL; mirrors checkTransition(). */
const transitionError = (from: string, to: string) => `CASE
    WHEN ${to} = ${from} THEN NULL
    WHEN ${from} IS NULL AND ${to} NOT IN (${GATED}) THEN NULL
    WHEN (${from}, ${to}) IN (VALUES ${ALLOWED_PAIRS}) THEN NULL
    WHEN ${from} IS NULL THEN 'cannot start as ' || ${to} || ': data must be VALIDATED before it is restored'
    WHEN ${to} IN (${GATED}) THEN 'cannot go from ' || ${from} || ' to ' || ${to} || ': data must be VALIDATED before it is restored'
    ELSE 'cannot go from ' || ${from} || ' to ' || ${to} END`;

const otherRowRejected = (line: string) =>
  `'not applied: another row for this subscriber and category was rejected (line ' || ${line} || ')'`;

/**
 * Builds `steps`: every well-formed row with its subscriber, the state it moves from (the previous
 * row of the same record in as-of order, else the record on file), and its error if any.
 * Rows at or before the record's current as-of time lost a race with newer data: they are stale.
 * A record's rows are all or nothing: one rejected row leaves the record as it was, so that no
 * record stops half-way through the steps the batch meant for it.
 * Every window shares one sort: a record's rows are ordered by its subscriber reference in byte
 * order (one reference is one subscriber, and byte order sorts several times faster than the
 * database's collation), then by as-of time.
 * The previous row is the right "from" until a row is rejected; the few records where that
 * matters (a rejected row with rows after it, or rows that contradict each other at one as-of
 * time) are walked again row by row in rewalkTangled().
 */
export async function validateStaged(client: PoolClient, incidentId: number): Promise<MergeCounts> {
  // A sort of a million staged rows fits in memory; compiling the plans (JIT) costs about a second
  // here and saves less than that.
  await run(client, "tune", "SET LOCAL work_mem = '256MB'; SET LOCAL jit = off");
  await run(client, "analyze staging", "ANALYZE staging");
  await run(
    client,
    "walk transitions",
    `CREATE TEMP TABLE steps ON COMMIT DROP AS
     SELECT x.*, COALESCE(x.own_error, CASE WHEN x.first_bad IS NOT NULL THEN ${otherRowRejected("x.first_bad")} END) AS error
     FROM (
       SELECT o.*, min(o.line) FILTER (WHERE o.own_error IS NOT NULL) OVER (PARTITION BY o.ref COLLATE "C", o.category_id) AS first_bad
       FROM (
         SELECT c.*, CASE
             WHEN c.user_id IS NULL THEN 'unknown subscriber reference'
             WHEN c.stale THEN NULL
             ELSE ${transitionError("c.from_state", "c.state")} END AS own_error
         FROM (
           SELECT b.*,
                  COALESCE(lag(b.state) OVER w, b.cur_state) AS from_state,
                  COALESCE(lag(b.lost) OVER w, b.cur_lost) AS from_lost,
                  COALESCE(lag(b.recovered) OVER w, b.cur_recovered) AS from_recovered,
                  COALESCE(lag(b.restored) OVER w, b.cur_restored) AS from_restored,
                  lead(b.line) OVER w IS NULL AS is_last,
                  COALESCE(lag(b.as_of) OVER w = b.as_of, false) AS same_time
           FROM (
             SELECT s.line, s.ref, s.category_id, s.state, s.lost, s.recovered, s.restored, s.as_of, u.id AS user_id,
                    rec.ctid AS rec_tid, rec.state::text AS cur_state, rec."itemsLost" AS cur_lost, rec."itemsRecovered" AS cur_recovered,
                    rec."itemsRestored" AS cur_restored, COALESCE(s.as_of <= rec."asOf", false) AS stale
             FROM staging s
             LEFT JOIN "User" u ON u."accountRef" = s.ref
             LEFT JOIN "RestorationRecord" rec
               ON rec."incidentId" = $1 AND rec."userId" = u.id AND rec."categoryId" = s.category_id
             WHERE s.error IS NULL
           ) b
           WINDOW w AS (PARTITION BY b.ref COLLATE "C", b.category_id, b.stale ORDER BY b.as_of, b.line)
         ) c
       ) o
     ) x`,
    [incidentId],
  );
  let counts = await countSteps(client);
  if (counts.tangled > 0) {
    await rewalkTangled(client);
    counts = await countSteps(client);
  }
  return { totalRows: counts.totalRows, rejectedRows: counts.rejectedRows, staleRows: counts.staleRows, duplicateRows: counts.duplicateRows };
}

const CHANGED_FROM_PREVIOUS = `(from_state IS DISTINCT FROM state OR from_lost IS DISTINCT FROM lost
  OR from_recovered IS DISTINCT FROM recovered OR from_restored IS DISTINCT FROM restored)`;

// A row at the same as-of time as the previous row of its record: the same content is a duplicate
// (applied once), different content a contradiction. Stale rows are never applied: their copies count as stale.
const DUPLICATE = `(NOT stale AND same_time AND NOT ${CHANGED_FROM_PREVIOUS})`;
const TANGLED = `((same_time AND ${CHANGED_FROM_PREVIOUS}) OR (own_error IS NOT NULL AND NOT is_last))`;

async function countSteps(client: PoolClient): Promise<MergeCounts & { tangled: number }> {
  const { rows } = await run(
    client,
    "count",
    `SELECT s.total, s.bad + w.rejected AS rejected, w.stale, w.duplicates, w.tangled
     FROM (SELECT count(*) AS total, count(*) FILTER (WHERE error IS NOT NULL) AS bad FROM staging) s,
          (SELECT count(*) FILTER (WHERE error IS NOT NULL) AS rejected,
                  count(*) FILTER (WHERE stale AND error IS NULL) AS stale,
                  count(*) FILTER (WHERE error IS NULL AND ${DUPLICATE}) AS duplicates,
                  count(*) FILTER (WHERE ${TANGLED}) AS tangled
           FROM steps) w`,
  );
  const row = rows[0] as { total: string; rejected: string; stale: string; duplicates: string; tangled: string };
  return { totalRows: Number(row.total), rejectedRows: Number(row.rejected), staleRows: Number(row.stale), duplicateRows: Number(row.duplicates), tangled: Number(row.tangled) };
}

/**
 * Judges again, one as-of step at a time, the rows of records the window walk cannot judge:
 * rows that contradict each other at one as-of time are all rejected, each naming the others, and
 * a rejected row never becomes the state the next row moves from (the last accepted one does).
 * Set-based (one recursive step per row of a record); such records are rare and are rejected.
 */
async function rewalkTangled(client: PoolClient): Promise<void> {
  await run(
    client,
    "tangled records",
    `CREATE TEMP TABLE tangled ON COMMIT DROP AS
     SELECT s.ctid AS tid, s.ref, s.category_id, s.line, s.state, s.lost, s.recovered, s.restored, s.as_of, s.stale, s.user_id, s.cur_state,
            row_number() OVER (PARTITION BY s.ref, s.category_id, s.stale ORDER BY s.as_of, s.line) AS rn, NULL::text AS conflicts
     FROM steps s
     WHERE (s.ref, s.category_id) IN (SELECT ref, category_id FROM steps WHERE ${TANGLED})`,
  );
  await run(
    client,
    "contradictions",
    `UPDATE tangled t SET conflicts = c.lines
     FROM (SELECT a.tid, string_agg(b.line::text, ', ' ORDER BY b.line) AS lines
           FROM tangled a JOIN tangled b
             ON b.ref = a.ref AND b.category_id = a.category_id AND b.as_of = a.as_of
            AND (b.state, b.lost, b.recovered, b.restored) IS DISTINCT FROM (a.state, a.lost, a.recovered, a.restored)
           GROUP BY a.tid) c
     WHERE t.tid = c.tid`,
  );
  await run(client, "index tangled", "CREATE INDEX ON tangled (ref, category_id, rn) WHERE NOT stale; ANALYZE tangled");
  await run(
    client,
    "rewalk",
    `WITH RECURSIVE walk AS (
       SELECT t.tid, t.ref, t.category_id, t.rn, j.error, CASE WHEN j.error IS NULL AND t.conflicts IS NULL THEN t.state ELSE t.cur_state END AS accepted
       FROM tangled t CROSS JOIN LATERAL (SELECT CASE WHEN t.user_id IS NOT NULL THEN ${transitionError("t.cur_state", "t.state")} END AS error) j
       WHERE t.rn = 1 AND NOT t.stale
       UNION ALL
       SELECT t.tid, t.ref, t.category_id, t.rn, j.error, CASE WHEN j.error IS NULL AND t.conflicts IS NULL THEN t.state ELSE w.accepted END
       FROM walk w JOIN tangled t ON t.ref = w.ref AND t.category_id = w.category_id AND t.rn = w.rn + 1 AND NOT t.stale
       CROSS JOIN LATERAL (SELECT CASE WHEN t.user_id IS NOT NULL THEN ${transitionError("w.accepted", "t.state")} END AS error) j
     ),
     judged AS (
       SELECT t.tid, t.ref, t.category_id, t.line, NULLIF(concat_ws('; ',
                CASE WHEN t.user_id IS NULL THEN 'unknown subscriber reference' END,
                w.error,
                CASE WHEN t.conflicts IS NOT NULL THEN 'contradicts line' || CASE WHEN t.conflicts LIKE '%,%' THEN 's ' ELSE ' ' END
                  || t.conflicts || ' (same subscriber, category and as_of, different content)' END), '') AS own_error
       FROM tangled t LEFT JOIN walk w ON w.tid = t.tid
     )
     UPDATE steps s SET own_error = j.own_error, error = COALESCE(j.own_error, CASE WHEN j.first_bad IS NOT NULL THEN ${otherRowRejected("j.first_bad")} END)
     FROM (SELECT judged.*, min(line) FILTER (WHERE own_error IS NOT NULL) OVER (PARTITION BY ref, category_id) AS first_bad FROM judged) j
     WHERE s.ctid = j.tid`,
  );
}

const CHANGED_FROM_RECORD = `(cur_state IS DISTINCT FROM state OR cur_lost IS DISTINCT FROM lost
  OR cur_recovered IS DISTINCT FROM recovered OR cur_restored IS DISTINCT FROM restored)`;

const RECORD_VALUES = `state = s.state::"RestorationState", "itemsLost" = s.lost, "itemsRecovered" = s.recovered,
  "itemsRestored" = s.restored, "asOf" = s.as_of, "updatedAt" = now()`;

/**
 * Moves each record to its newest valid row, then writes one history event per valid changing row.
 * Records on file are updated in place through the row address the walk read (no second index
 * search), under the incident's restoration lock; the as-of guard keeps a newer record safe anyway.
 */
export async function mergeValid(client: PoolClient, incidentId: number, batchId: number): Promise<number> {
  // Row addresses are looked up one by one; the planner would rather scan every record of the incident.
  await run(client, "plan by address", "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
  const updated = await run(
    client,
    "update records",
    `UPDATE "RestorationRecord" r SET ${RECORD_VALUES}
     FROM (SELECT * FROM steps WHERE error IS NULL AND NOT stale AND is_last AND ${CHANGED_FROM_RECORD}) s
     WHERE r.ctid = s.rec_tid AND r."asOf" < s.as_of`,
  );
  await run(client, "plan as usual", "RESET enable_hashjoin; RESET enable_mergejoin");
  const created = await run(
    client,
    "create records",
    `INSERT INTO "RestorationRecord" AS r ("incidentId", "userId", "categoryId", state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf", "updatedAt")
     SELECT $1::int, user_id, category_id, state::"RestorationState", lost, recovered, restored, as_of, now()
     FROM steps WHERE rec_tid IS NULL AND error IS NULL AND NOT stale AND is_last
     ON CONFLICT ("incidentId", "userId", "categoryId") DO UPDATE
       SET state = EXCLUDED.state, "itemsLost" = EXCLUDED."itemsLost", "itemsRecovered" = EXCLUDED."itemsRecovered",
           "itemsRestored" = EXCLUDED."itemsRestored", "asOf" = EXCLUDED."asOf", "updatedAt" = now()
       WHERE r."asOf" < EXCLUDED."asOf"`,
    [incidentId],
  );
  await run(
    client,
    "insert history events",
    `INSERT INTO "RestorationEvent" ("incidentId", "userId", "categoryId", "fromState", "toState", "itemsLost", "itemsRecovered",
                                     "itemsRestored", source, "batchId", "asOf", "createdAt")
     SELECT $1, user_id, category_id, from_state::"RestorationState", state::"RestorationState", lost, recovered, restored,
            'IMPORT', $2, as_of, now()
     FROM steps WHERE error IS NULL AND NOT stale AND ${CHANGED_FROM_PREVIOUS}`,
    [incidentId, batchId],
  );
  return (updated.rowCount ?? 0) + (created.rowCount ?? 0);
}

/** Every rejected row: parse errors from staging, the rest from the transition walk. */
export const REJECTED_ROWS = `
  SELECT e.line, e.ref, COALESCE(e.category, c.slug) AS category, e.error
  FROM (SELECT line, ref, category, category_id, error FROM staging WHERE error IS NOT NULL
        UNION ALL
        SELECT line, ref, NULL, category_id, error FROM steps WHERE error IS NOT NULL) e
  LEFT JOIN "DataCategory" c ON c.id = e.category_id`;

/** A CSV field in SQL: quoted, and defused against spreadsheet formula injection. */
const csvField = (column: string) =>
  `'"' || replace(CASE WHEN ${column} ~ '^[=+@-]' THEN '''' || ${column} ELSE COALESCE(${column}, '') END, '"', '""') || '"'`;

/** The line-numbered error report, built inside PostgreSQL (no rows pass through memory). */
export async function buildErrorReport(client: PoolClient): Promise<string | null> {
  const { rows } = await run(
    client,
    "error report",
    `SELECT string_agg(line || ',' || ${csvField("ref")} || ',' || ${csvField("category")} || ',' || ${csvField("error")}, E'\\n' ORDER BY line) AS report
     FROM (${REJECTED_ROWS}) r`,
  );
  const report = (rows[0] as { report: string | null } | undefined)?.report;
  return report ? `line,subscriber_ref,category,error\n${report}\n` : null;
}
