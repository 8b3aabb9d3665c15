import type { Pool } from "pg";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { OfferMode } from "@/lib/generated/prisma/enums";
import { windowState } from "./offer-window";
import { applyEligibility, applyOfferEligibility, type EligibilityCounts } from "./reevaluate-eligibility";

/** Every run of an offer's grants is audited under this action; the worker's step reads it back. */
export const OFFER_GRANTED = "offer.granted";
const SYSTEM_EMAIL = "system:offer-opening";

/**
 * An automatic offer saved while open is applied to everyone eligible in the same transaction,
 * audited as the staff member's action. One opening later is left to `grantOpenedOffers`.
 */
export async function grantIfOpen(
  tx: Tx,
  actor: Actor,
  offer: { id: number; mode: OfferMode; opensAt: Date; closesAt: Date | null },
): Promise<EligibilityCounts | null> {
  if (offer.mode !== "AUTOMATIC" || windowState(offer, new Date()) !== "OPEN") return null;
  const result = await applyEligibility(tx, { offerId: offer.id });
  await recordAudit(tx, actor, { action: OFFER_GRANTED, entityType: "CompensationOffer", entityId: offer.id, after: result });
  return result;
}

// Open automatic offers with no grant run since they opened. An offer applied at creation, by staff,
// or by an earlier step has such an audit entry, so the query finds nothing and costs an index probe
// per open offer. SKIP LOCKED lets several workers share the offers; a second run is harmless anyway.
const NEXT_OPENED = `
  SELECT o.id, o.title FROM "CompensationOffer" o
  WHERE o.mode = 'AUTOMATIC' AND o."opensAt" <= now() AND (o."closesAt" IS NULL OR o."closesAt" > now())
    AND ($1::int IS NULL OR o."incidentId" = $1)
    AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."entityType" = 'CompensationOffer' AND a."entityId" = o.id::text
                      AND a.action = '${OFFER_GRANTED}' AND a."createdAt" >= o."opensAt")
  ORDER BY o."opensAt", o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED`;

/**
 * The worker's periodic step (and the demo seed's): applies each automatic offer whose opening time
 * has passed and that has not been applied since, one offer per transaction, audited with a system
 * actor. `incidentId` narrows it to one incident.
 */
export async function grantOpenedOffers(
  pool: Pool,
  { incidentId = null, log = () => {} }: { incidentId?: number | null; log?: (line: string) => void } = {},
): Promise<{ offers: number } & EligibilityCounts> {
  const total = { offers: 0, granted: 0, notified: 0 };
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: number; title: string }>(NEXT_OPENED, [incidentId]);
      const offer = rows[0];
      if (!offer) {
        await client.query("COMMIT");
        return total;
      }
      const result = await applyOfferEligibility(client, offer.id);
      await client.query(
        `INSERT INTO "AuditLog" ("actorId", "actorEmail", action, "entityType", "entityId", after) VALUES (NULL, $1, $2, 'CompensationOffer', $3, $4)`,
        [SYSTEM_EMAIL, OFFER_GRANTED, String(offer.id), JSON.stringify(result)],
      );
      await client.query("COMMIT");
      total.offers += 1;
      total.granted += result.granted;
      total.notified += result.notified;
      log(`offer #${offer.id} "${offer.title}" opened: granted to ${result.granted}, ${result.notified} emails queued`);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
