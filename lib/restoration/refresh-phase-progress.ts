import type { PoolClient } from "pg";
import type { Tx } from "@/lib/db";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { isSettled, SETTLED_STATES, sqlStateList } from "./transitions";

// One aggregate over the incident's records (an index-only scan), cached on each phase so that
// every subscriber's ETA can read it without counting millions of rows per page view.
const REFRESH_SQL = `
  UPDATE "RestorationPhase" p
  SET "affectedCount" = COALESCE(a.affected, 0), "settledCount" = COALESCE(a.settled, 0), "progressAt" = now()
  FROM "RestorationPhase" p2
  LEFT JOIN (
    SELECT "categoryId",
           count(*) FILTER (WHERE state <> 'NOT_AFFECTED') AS affected,
           count(*) FILTER (WHERE state IN (${sqlStateList(SETTLED_STATES)})) AS settled
    FROM "RestorationRecord" WHERE "incidentId" = $1 GROUP BY "categoryId"
  ) a ON a."categoryId" = p2."categoryId"
  WHERE p.id = p2.id AND p."incidentId" = $1`;

export async function refreshPhaseProgressWithClient(client: PoolClient, incidentId: number): Promise<void> {
  await client.query(REFRESH_SQL, [incidentId]);
}

export async function refreshPhaseProgress(tx: Tx, incidentId: number): Promise<void> {
  await tx.$executeRawUnsafe(REFRESH_SQL, incidentId);
}

/** One record moved: shift its phase's cached counts by exactly that move, without a recount. */
export async function adjustPhaseProgress(
  tx: Tx,
  { incidentId, categoryId, from, to }: { incidentId: number; categoryId: number; from: RestorationState | null; to: RestorationState },
): Promise<void> {
  const affected = (s: RestorationState | null) => (s !== null && s !== "NOT_AFFECTED" ? 1 : 0);
  const affectedDelta = affected(to) - affected(from);
  const settledDelta = Number(isSettled(to)) - Number(isSettled(from));
  if (affectedDelta === 0 && settledDelta === 0) return;
  await tx.$executeRaw`
    UPDATE "RestorationPhase"
    SET "affectedCount" = GREATEST(0, "affectedCount" + ${affectedDelta}), "settledCount" = GREATEST(0, "settledCount" + ${settledDelta})
    WHERE "incidentId" = ${incidentId} AND "categoryId" = ${categoryId}`;
}
