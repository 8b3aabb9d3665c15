import type { Tx } from "@/lib/db";
import type { PoolClient } from "pg";
import { QUALIFYING_STATES } from "./eligibility";

/**
 * Applies eligibility, set-based, to open offers: every eligible subscriber gets each automatic
 * offer once (a grant, plus a service-credit row for month credits), and is told by email (an
 * outbox row, once per offer) about a grant or a claimable offer they have not claimed yet.
 * Narrowed to some subscribers or to one offer. Running it again changes nothing.
 */
export async function applyEligibility(tx: Tx, scope: { userIds: string[] } | { offerId: number }): Promise<{ granted: number; notified: number }> {
  const [row] =
    "userIds" in scope
      ? await tx.$queryRawUnsafe<Counts[]>(eligibilitySql(`AND r."userId" = ANY($3::text[])`), ...STATE_PARAMS, scope.userIds)
      : await tx.$queryRawUnsafe<Counts[]>(eligibilitySql(`AND o.id = $3`), ...STATE_PARAMS, scope.offerId);
  return row ?? { granted: 0, notified: 0 };
}

/**
 * The same, inside a restoration import's transaction, for the subscribers the batch just made
 * newly eligible: a category first affected, or first found partly or wholly lost.
 */
export async function applyEligibilityAfterImport(client: PoolClient, incidentId: number): Promise<{ granted: number; notified: number }> {
  const scope = `AND o."incidentId" = $3 AND r."userId" IN (
      SELECT user_id FROM steps WHERE error IS NULL AND NOT stale AND is_last AND (
        (state <> 'NOT_AFFECTED' AND (cur_state IS NULL OR cur_state = 'NOT_AFFECTED'))
        OR (state IN ('PARTIAL', 'UNRECOVERABLE') AND (cur_state IS NULL OR cur_state NOT IN ('PARTIAL', 'UNRECOVERABLE')))))`;
  const { rows } = await client.query<Counts>(eligibilitySql(scope), [...STATE_PARAMS, incidentId]);
  return rows[0] ?? { granted: 0, notified: 0 };
}

type Counts = { granted: number; notified: number };

const STATE_PARAMS = [[...QUALIFYING_STATES.ANY_AFFECTED], [...QUALIFYING_STATES.ANY_UNRECOVERABLE_OR_PARTIAL]] as const;

/** $1 and $2 are the qualifying states of the two rules; `scope` narrows offers and subscribers ($3). */
function eligibilitySql(scope: string): string {
  return `
    WITH eligible AS (
      SELECT DISTINCT o.id AS "offerId", o.mode::text AS mode, o."incidentId", r."userId"
      FROM "CompensationOffer" o JOIN "RestorationRecord" r ON r."incidentId" = o."incidentId"
      WHERE o."opensAt" <= now() AND (o."closesAt" IS NULL OR o."closesAt" > now()) ${scope}
        AND r.state::text = ANY(CASE o.eligibility::text WHEN 'ANY_AFFECTED' THEN $1::text[] ELSE $2::text[] END)
    ),
    granted AS (
      INSERT INTO "OfferGrant" ("offerId", "userId")
      SELECT "offerId", "userId" FROM eligible WHERE mode = 'AUTOMATIC'
      ON CONFLICT DO NOTHING RETURNING "offerId", "userId"
    ),
    credits AS (
      INSERT INTO "ServiceCredit" ("userId", "offerId", months)
      SELECT g."userId", g."offerId", o.months FROM granted g JOIN "CompensationOffer" o ON o.id = g."offerId"
      WHERE o.kind = 'SERVICE_CREDIT' AND o.months IS NOT NULL
      ON CONFLICT DO NOTHING
    ),
    notices AS (
      SELECT "offerId", "userId", 'compensation.offer-granted' AS template FROM granted
      UNION ALL
      SELECT e."offerId", e."userId", 'compensation.offer-available' FROM eligible e
      WHERE e.mode = 'CLAIM' AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."incidentId" = e."incidentId" AND c."userId" = e."userId")
    ),
    queued AS (
      INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload)
      SELECT n.template || ':' || n."offerId" || ':' || n."userId", n.template, u.email, u.id, 'offer:' || n."offerId",
        jsonb_build_object('offerId', o.id, 'offerTitle', o.title, 'incidentId', o."incidentId", 'path', '/claims')
      FROM notices n JOIN "User" u ON u.id = n."userId" JOIN "CompensationOffer" o ON o.id = n."offerId"
      ON CONFLICT ("dedupeKey") DO NOTHING RETURNING 1
    )
    SELECT (SELECT count(*) FROM granted)::int AS granted, (SELECT count(*) FROM queued)::int AS notified`;
}

/** Called in the transaction that changed these subscribers' restoration records. */
export async function reevaluateEligibility(tx: Tx, userIds: string[]): Promise<{ granted: number; notified: number }> {
  if (userIds.length === 0) return { granted: 0, notified: 0 };
  return applyEligibility(tx, { userIds });
}
