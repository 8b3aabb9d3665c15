import type { PoolClient } from "pg";
import type { Tx } from "@/lib/db";

// One aggregate over the incident's records (an index-only scan), cached on each phase so that
// every subscriber's ETA can read it without counting millions of rows per page view.
const REFRESH_SQL = `
  UPDATE "RestorationPhase" p
  SET "affectedCount" = COALESCE(a.affected, 0), "settledCount" = COALESCE(a.settled, 0), "progressAt" = now()
  FROM "RestorationPhase" p2
  LEFT JOIN (
    SELECT "categoryId",
           count(*) FILTER (WHERE state <> 'NOT_AFFECTED') AS affected,
           count(*) FILTER (WHERE state IN ('RESTORED', 'PARTIAL', 'UNRECOVERABLE')) AS settled
    FROM "RestorationRecord" WHERE "incidentId" = $1 GROUP BY "categoryId"
  ) a ON a."categoryId" = p2."categoryId"
  WHERE p.id = p2.id AND p."incidentId" = $1`;

export async function refreshPhaseProgressWithClient(client: PoolClient, incidentId: number): Promise<void> {
  await client.query(REFRESH_SQL, [incidentId]);
}

export async function refreshPhaseProgress(tx: Tx, incidentId: number): Promise<void> {
  await tx.$executeRawUnsafe(REFRESH_SQL, incidentId);
}
