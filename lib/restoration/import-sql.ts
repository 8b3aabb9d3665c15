// The set-based half of an import: once every row sits in the `staging` temp table, these
// statements resolve subscribers, walk transitions, and merge — a handful of statements for any
// number of rows. Rows carry their file line number throughout, for the error report.
import type { PoolClient } from "pg";
import { TRANSITIONS } from "./transitions";

const GATED = ["RESTORING", "RESTORED", "PARTIAL"];
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ALLOWED_PAIRS = Object.entries(TRANSITIONS)
  .flatMap(([from, tos]) => tos.map((to) => `(${quote(from)}, ${quote(to)})`))
  .join(", ");

export const CREATE_STAGING = `
  CREATE TEMP TABLE staging (
    line integer NOT NULL, ref text, category text, category_id integer, state text,
    lost integer, recovered integer, restored integer, as_of timestamptz, error text
  ) ON COMMIT DROP`;

export const COPY_STAGING = "COPY staging (line, ref, category, category_id, state, lost, recovered, restored, as_of, error) FROM STDIN";

/** One COPY text-format line; values are escaped so no field can break the row apart. */
export function copyLine(values: (string | number | null)[]): string {
  return (
    values
      .map((v) => (v === null ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")))
      .join("\t") + "\n"
  );
}

export interface MergeCounts {
  totalRows: number;
  rejectedRows: number;
  staleRows: number;
}

/** Checks every staged row against subscribers and current records; marks `error` on failures. */
export async function validateStaged(client: PoolClient, incidentId: number): Promise<MergeCounts> {
  await client.query(`
    CREATE TEMP TABLE resolved ON COMMIT DROP AS
    SELECT s.line, u.id AS user_id, s.category_id, s.state, s.lost, s.recovered, s.restored, s.as_of
    FROM staging s JOIN "User" u ON u."accountRef" = s.ref
    WHERE s.error IS NULL`);
  await client.query(`
    UPDATE staging s SET error = 'unknown subscriber reference'
    WHERE s.error IS NULL AND NOT EXISTS (SELECT 1 FROM resolved r WHERE r.line = s.line)`);

  // Rows at or before the record's current as-of time lost a race with newer data: skipped.
  await client.query(
    `CREATE TEMP TABLE steps ON COMMIT DROP AS
     WITH chain AS (
       SELECT r.*, rec.state::text AS cur_state, rec."itemsLost" AS cur_lost, rec."itemsRecovered" AS cur_recovered,
              rec."itemsRestored" AS cur_restored, (rec."asOf" IS NOT NULL AND r.as_of <= rec."asOf") AS stale
       FROM resolved r
       LEFT JOIN "RestorationRecord" rec
         ON rec."incidentId" = $1 AND rec."userId" = r.user_id AND rec."categoryId" = r.category_id
     )
     SELECT c.line, c.user_id, c.category_id, c.state, c.lost, c.recovered, c.restored, c.as_of,
            COALESCE(lag(c.state) OVER w, c.cur_state) AS from_state,
            COALESCE(lag(c.lost) OVER w, c.cur_lost) AS from_lost,
            COALESCE(lag(c.recovered) OVER w, c.cur_recovered) AS from_recovered,
            COALESCE(lag(c.restored) OVER w, c.cur_restored) AS from_restored,
            row_number() OVER (PARTITION BY c.user_id, c.category_id ORDER BY c.as_of DESC, c.line DESC) = 1 AS is_last,
            NULL::text AS error
     FROM chain c WHERE NOT c.stale
     WINDOW w AS (PARTITION BY c.user_id, c.category_id ORDER BY c.as_of, c.line)`,
    [incidentId],
  );
  const stale = await client.query<{ n: string }>("SELECT (SELECT count(*) FROM resolved) - (SELECT count(*) FROM steps) AS n");

  await client.query(`
    UPDATE steps SET error = CASE
      WHEN from_state IS NULL THEN 'cannot start as ' || state || ': data must be VALIDATED before it is restored'
      WHEN state IN (${GATED.map(quote).join(", ")}) THEN 'cannot go from ' || from_state || ' to ' || state || ': data must be VALIDATED before it is restored'
      ELSE 'cannot go from ' || from_state || ' to ' || state END
    WHERE state <> COALESCE(from_state, '')
      AND NOT (from_state IS NULL AND state NOT IN (${GATED.map(quote).join(", ")}))
      AND (from_state, state) NOT IN (VALUES ${ALLOWED_PAIRS})`);
  // A chain is all or nothing: later rows depend on the rejected one.
  await client.query(`
    UPDATE steps s SET error = 'not applied: an earlier row for this subscriber and category was rejected (line ' || bad.line || ')'
    FROM (SELECT DISTINCT ON (user_id, category_id) user_id, category_id, line FROM steps WHERE error IS NOT NULL ORDER BY user_id, category_id, line) bad
    WHERE s.error IS NULL AND s.user_id = bad.user_id AND s.category_id = bad.category_id`);
  await client.query(`UPDATE staging s SET error = st.error FROM steps st WHERE st.line = s.line AND st.error IS NOT NULL`);

  const counts = await client.query<{ total: string; rejected: string }>(
    "SELECT count(*) AS total, count(*) FILTER (WHERE error IS NOT NULL) AS rejected FROM staging",
  );
  return {
    totalRows: Number(counts.rows[0]?.total ?? 0),
    rejectedRows: Number(counts.rows[0]?.rejected ?? 0),
    staleRows: Number(stale.rows[0]?.n ?? 0),
  };
}

/**
 * Writes one history event per valid changing row and moves each record to its newest row.
 * The as-of guard in the upsert keeps a newer record safe even from a concurrent writer.
 */
export async function mergeValid(client: PoolClient, incidentId: number, batchId: number): Promise<number> {
  await client.query(`
    CREATE TEMP TABLE changes ON COMMIT DROP AS
    SELECT * FROM steps
    WHERE error IS NULL AND (from_state IS DISTINCT FROM state OR from_lost IS DISTINCT FROM lost
      OR from_recovered IS DISTINCT FROM recovered OR from_restored IS DISTINCT FROM restored)`);
  await client.query(
    `INSERT INTO "RestorationEvent" ("incidentId", "userId", "categoryId", "fromState", "toState", "itemsLost", "itemsRecovered",
                                     "itemsRestored", source, "batchId", "asOf", "createdAt")
     SELECT $1, user_id, category_id, from_state::"RestorationState", state::"RestorationState", lost, recovered, restored,
            'IMPORT', $2, as_of, now()
     FROM changes ORDER BY user_id, category_id, as_of, line`,
    [incidentId, batchId],
  );
  const merged = await client.query(
    `INSERT INTO "RestorationRecord" ("incidentId", "userId", "categoryId", state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf", "updatedAt")
     SELECT DISTINCT ON (user_id, category_id) $1::int, user_id, category_id, state::"RestorationState", lost, recovered, restored, as_of, now()
     FROM changes ORDER BY user_id, category_id, as_of DESC, line DESC
     ON CONFLICT ("incidentId", "userId", "categoryId") DO UPDATE
       SET state = EXCLUDED.state, "itemsLost" = EXCLUDED."itemsLost", "itemsRecovered" = EXCLUDED."itemsRecovered",
           "itemsRestored" = EXCLUDED."itemsRestored", "asOf" = EXCLUDED."asOf", "updatedAt" = now()
       WHERE "RestorationRecord"."asOf" < EXCLUDED."asOf"`,
    [incidentId],
  );
  return merged.rowCount ?? 0;
}

/** A CSV field in SQL: quoted, and defused against spreadsheet formula injection. */
const csvField = (column: string) =>
  `'"' || replace(CASE WHEN ${column} ~ '^[=+@-]' THEN '''' || ${column} ELSE COALESCE(${column}, '') END, '"', '""') || '"'`;

/** The line-numbered error report, built inside PostgreSQL (no rows pass through memory). */
export async function buildErrorReport(client: PoolClient): Promise<string | null> {
  const { rows } = await client.query<{ report: string | null }>(`
    SELECT string_agg(line || ',' || ${csvField("ref")} || ',' || ${csvField("category")} || ',' || ${csvField("error")}, E'\\n' ORDER BY line) AS report
    FROM (SELECT s.line, s.ref, COALESCE(s.category, c.slug) AS category, s.error
          FROM staging s LEFT JOIN "DataCategory" c ON c.id = s.category_id WHERE s.error IS NOT NULL) e`);
  return rows[0]?.report ? `line,subscriber_ref,category,error\n${rows[0].report}\n` : null;
}
