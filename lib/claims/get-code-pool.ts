import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

export type PoolStatus = {
  offerId: number; title: string; incidentTitle: string; valueCents: number | null; currency: string;
  available: number; assigned: number; awaiting: number;
  recent: { id: number; last4: string; assigned: boolean; importedAt: Date }[];
};

/**
 * Every gift-card offer's pool: codes available and assigned, and claims waiting for a code.
 * Codes appear by their last four characters only; the full code is never read here.
 */
export async function getCodePool({ actor }: { actor: Actor }): Promise<PoolStatus[]> {
  if (!isAdmin(actor.role)) throw Forbidden("Only administrators can see the gift-card code pool.");
  const offers = await db.compensationOffer.findMany({
    where: { kind: "GIFT_CARD" },
    orderBy: [{ incident: { startedAt: "desc" } }, { id: "asc" }],
    take: 50,
    select: { id: true, title: true, valueCents: true, currency: true, incident: { select: { title: true } } },
  });
  const ids = offers.map((o) => o.id);
  const [counts, awaiting, recent] = await Promise.all([
    db.$queryRaw<{ offerId: number; available: bigint; assigned: bigint }[]>`
      SELECT "offerId", count(*) FILTER (WHERE "claimItemId" IS NULL) AS available, count(*) FILTER (WHERE "claimItemId" IS NOT NULL) AS assigned
      FROM "GiftCardCode" WHERE "offerId" = ANY(${ids}::int[]) GROUP BY "offerId"`,
    db.$queryRaw<{ offerId: number; awaiting: bigint }[]>`
      SELECT i."offerId", count(*) AS awaiting FROM "ClaimItem" i JOIN "Claim" c ON c.id = i."claimId"
      WHERE c.status = 'AWAITING_CODE' AND i."offerId" = ANY(${ids}::int[]) GROUP BY i."offerId"`,
    db.$queryRaw<{ id: number; offerId: number; last4: string; assigned: boolean; importedAt: Date }[]>`
      SELECT id, "offerId", last4, assigned, "importedAt" FROM (
        SELECT id, "offerId", last4, "claimItemId" IS NOT NULL AS assigned, "importedAt",
               row_number() OVER (PARTITION BY "offerId" ORDER BY id DESC) AS n
        FROM "GiftCardCode" WHERE "offerId" = ANY(${ids}::int[])) recent
      WHERE n <= 10 ORDER BY id DESC`,
  ]);
  return offers.map((o) => {
    const c = counts.find((r) => r.offerId === o.id);
    return {
      offerId: o.id, title: o.title, incidentTitle: o.incident.title, valueCents: o.valueCents, currency: o.currency,
      available: Number(c?.available ?? 0), assigned: Number(c?.assigned ?? 0),
      awaiting: Number(awaiting.find((r) => r.offerId === o.id)?.awaiting ?? 0),
      recent: recent.filter((r) => r.offerId === o.id).map(({ offerId: _o, ...r }) => r),
    };
  });
}
