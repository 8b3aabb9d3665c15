import type { PoolClient } from "pg";
import { txSql, type Tx } from "@/lib/db";
import { QUALIFYING_STATES } from "./eligibility";

export type EligibilityCounts = { granted: number; notified: number };

/**
 * Applies eligibility, set-based, to open offers: every eligible subscriber gets each automatic
 * offer once (a grant, plus a service-credit row for month credits), and is told by email (an
 * outbox row, once per offer) about a grant or a claimable offer they have not claimed yet.
 * Narrowed to some subscribers or to one offer. Running it again changes nothing.
 */
export async function applyEligibility(tx: Tx, scope: { userIds: string[] } | { offerId: number }): Promise<EligibilityCounts> {
  const { rows } =
    "userIds" in scope
      ? await txSql(tx).query<EligibilityCounts>(FOR_SUBSCRIBERS_SQL, [...STATE_PARAMS, scope.userIds])
      : await txSql(tx).query<EligibilityCounts>(FOR_OFFER_SQL, [...STATE_PARAMS, scope.offerId]);
  return rows[0] ?? { granted: 0, notified: 0 };
}

/** The same for one offer, on a pg connection inside the caller's transaction (the worker's step). */
export async function applyOfferEligibility(client: Pick<PoolClient, "query">, offerId: number): Promise<EligibilityCounts> {
  const { rows } = await client.query<EligibilityCounts>(FOR_OFFER_SQL, [...STATE_PARAMS, offerId]);
  return rows[0] ?? { granted: 0, notified: 0 };
}

/**
 * The same, inside a restoration import's transaction, for the subscribers the batch made newly
 * eligible: a record first affected, or first found partly or wholly lost. They get every open
 * automatic offer that now applies and hear of every claimable one.
 *
 * Nobody else can have become eligible through this batch, and everyone eligible before it got
 * the offer when it was created or edited while open (create-offer.ts, update-offer.ts), when it
 * opened (the worker's step, grant-opened-offers.ts, which also applies offers never applied) or
 * when they became eligible (an earlier import, or a staff transition). So the step reads only the
 * batch's newly qualifying rows: a million-row batch of progress on known losses costs one scan of
 * its own rows (measured 18.7 s when every subscriber of the batch was matched against the offers).
 */
export async function applyEligibilityAfterImport(client: PoolClient, incidentId: number): Promise<EligibilityCounts> {
  const { rows } = await client.query<EligibilityCounts>(AFTER_IMPORT_SQL, [incidentId]);
  return rows[0] ?? { granted: 0, notified: 0 };
}

const STATE_PARAMS = [[...QUALIFYING_STATES.ANY_AFFECTED], [...QUALIFYING_STATES.ANY_UNRECOVERABLE_OR_PARTIAL]] as const;

/**
 * $1 and $2 are the qualifying states of the two rules; `scope` narrows offers and subscribers ($3),
 * or `eligible` replaces the (offer, subscriber) pairs outright. Grants skip existing ones with an
 * anti-join first, so a scope whose subscribers all have the offer costs reads only (ON CONFLICT
 * still settles a concurrent grant).
 */
function eligibilitySql(by: { scope: string } | { eligible: string }): string {
  const eligible =
    "eligible" in by
      ? by.eligible
      : `
      SELECT DISTINCT o.id AS "offerId", o.mode::text AS mode, o."incidentId", r."userId"
      FROM "CompensationOffer" o JOIN "RestorationRecord" r ON r."incidentId" = o."incidentId"
      WHERE o."opensAt" <= now() AND (o."closesAt" IS NULL OR o."closesAt" > now()) ${by.scope}
        AND r.state::text = ANY(CASE o.eligibility::text WHEN 'ANY_AFFECTED' THEN $1::text[] ELSE $2::text[] END)`;
  return `
    WITH eligible AS (${eligible}
    ),
    granted AS (
      INSERT INTO "OfferGrant" ("offerId", "userId")
      SELECT e."offerId", e."userId" FROM eligible e
      WHERE e.mode = 'AUTOMATIC' AND NOT EXISTS (SELECT 1 FROM "OfferGrant" g WHERE g."offerId" = e."offerId" AND g."userId" = e."userId")
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
export async function reevaluateEligibility(tx: Tx, userIds: string[]): Promise<EligibilityCounts> {
  if (userIds.length === 0) return { granted: 0, notified: 0 };
  return applyEligibility(tx, { userIds });
}

// Every statement is built once, from constant parts, when the module loads.
const FOR_SUBSCRIBERS_SQL = eligibilitySql({ scope: `AND r."userId" = ANY($3::text[])` });
const FOR_OFFER_SQL = eligibilitySql({ scope: `AND o.id = $3` });
const AFTER_IMPORT_SQL = eligibilitySql({
  eligible: `
      SELECT o.id AS "offerId", o.mode::text AS mode, o."incidentId", b.user_id AS "userId"
      FROM (SELECT user_id, bool_or(newly_affected) AS newly_affected, bool_or(newly_lost) AS newly_lost
            FROM (SELECT user_id,
                    state <> 'NOT_AFFECTED' AND (cur_state IS NULL OR cur_state = 'NOT_AFFECTED') AS newly_affected,
                    state IN ('PARTIAL', 'UNRECOVERABLE') AND (cur_state IS NULL OR cur_state NOT IN ('PARTIAL', 'UNRECOVERABLE')) AS newly_lost
                  FROM steps WHERE error IS NULL AND NOT stale AND is_last) s
            WHERE newly_affected OR newly_lost GROUP BY user_id) b
      JOIN "CompensationOffer" o ON o."incidentId" = $1 AND o."opensAt" <= now() AND (o."closesAt" IS NULL OR o."closesAt" > now())
        AND CASE o.eligibility::text WHEN 'ANY_AFFECTED' THEN b.newly_affected ELSE b.newly_lost END`,
});
