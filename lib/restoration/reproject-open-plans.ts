import type { Pool } from "pg";
import { pgSql } from "@/lib/db";
import { restorationLockKey } from "./import-batch";
import { backfillProgressDays, settlePlan } from "./refresh-phase-progress";

/**
 * Time alone moves a projection (a running phase's rate, a start that can no longer be in the
 * past) and adds a day to the progress chart. The worker runs this every few minutes for incidents
 * whose plan is still open; an incident being imported right now is skipped (its import settles it).
 */
export async function reprojectOpenPlans(
  pool: Pool,
  { now = new Date(), log = () => {}, incidentIds = null }: { now?: Date; log?: (line: string) => void; incidentIds?: number[] | null } = {},
): Promise<number> {
  const { rows } = await pool.query<{ incidentId: number; hasHistory: boolean }>(
    `SELECT p."incidentId", EXISTS (
       SELECT 1 FROM "RestorationProgressDay" d WHERE d."incidentId" = p."incidentId" AND d.day < ($1::timestamptz AT TIME ZONE 'UTC')::date
     ) AS "hasHistory"
     FROM "RestorationPhase" p
     WHERE $2::int[] IS NULL OR p."incidentId" = ANY($2::int[])
     GROUP BY p."incidentId"
     HAVING bool_or(p."projectionBasis" IS NULL OR p."projectionBasis" <> 'DONE')`,
    [now.toISOString(), incidentIds],
  );
  let settled = 0;
  for (const { incidentId, hasHistory } of rows) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows: lock } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [restorationLockKey(incidentId)]);
      if (lock[0]?.locked) {
        // A plan that predates the daily points gets its past days from the history, once.
        if (!hasHistory) await backfillProgressDays(pgSql(client), incidentId, now);
        await settlePlan(pgSql(client), incidentId, now);
        settled += 1;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      log(`projection of incident ${incidentId}: ${String(error)}`);
    } finally {
      client.release();
    }
  }
  return settled;
}
