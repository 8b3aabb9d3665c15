import { pgPool } from "@/lib/db";
import type { EligibilityRule, OfferMode } from "@/lib/generated/prisma/enums";
import type { OfferForLines } from "./compensation-lines";
import { windowState } from "./offer-window";

/**
 * The offers for lost data (rule ANY_UNRECOVERABLE_OR_PARTIAL) of many (incident, subscriber)
 * pairs, with each subscriber's grant and claim, in one query, keyed "incidentId:userId": what an
 * email needs to call `extraCompensationLine`.
 */
export async function loadExtraOffers(pairs: { incidentId: number; userId: string }[], now = new Date()): Promise<Map<string, { offers: OfferForLines[]; claimFiled: boolean }>> {
  const result = new Map<string, { offers: OfferForLines[]; claimFiled: boolean }>();
  if (pairs.length === 0) return result;
  const { rows } = await pgPool().query<{
    incidentId: number; userId: string; title: string; mode: OfferMode; eligibility: EligibilityRule;
    opensAt: Date; closesAt: Date | null; grantedAt: Date | null; claimed: boolean; claimFiled: boolean;
  }>(
    `SELECT k."incidentId", k."userId", o.title, o.mode, o.eligibility,
            o."opensAt" AT TIME ZONE 'UTC' AS "opensAt", o."closesAt" AT TIME ZONE 'UTC' AS "closesAt",
            g."createdAt" AT TIME ZONE 'UTC' AS "grantedAt",
            EXISTS (SELECT 1 FROM "ClaimItem" ci JOIN "Claim" c ON c.id = ci."claimId" WHERE ci."offerId" = o.id AND c."userId" = k."userId") AS claimed,
            EXISTS (SELECT 1 FROM "Claim" c WHERE c."incidentId" = k."incidentId" AND c."userId" = k."userId") AS "claimFiled"
     FROM (SELECT DISTINCT * FROM unnest($1::int[], $2::text[]) AS u("incidentId", "userId")) k
     JOIN "CompensationOffer" o ON o."incidentId" = k."incidentId" AND o.eligibility = 'ANY_UNRECOVERABLE_OR_PARTIAL'
     LEFT JOIN "OfferGrant" g ON g."offerId" = o.id AND g."userId" = k."userId"
     ORDER BY o.mode, o.id`,
    [pairs.map((p) => p.incidentId), pairs.map((p) => p.userId)],
  );
  for (const r of rows) {
    const key = `${r.incidentId}:${r.userId}`;
    const entry = result.get(key) ?? { offers: [], claimFiled: r.claimFiled };
    entry.offers.push({ title: r.title, mode: r.mode, eligibilityRule: r.eligibility, window: windowState(r, now), opensAt: r.opensAt, grantedAt: r.grantedAt, claimed: r.claimed });
    result.set(key, entry);
  }
  return result;
}
