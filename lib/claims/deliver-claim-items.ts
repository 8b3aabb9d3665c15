import type { Tx } from "@/lib/db";
import type { OfferKind } from "@/lib/generated/prisma/enums";

interface ItemRow {
  id: number;
  offerId: number;
  kind: OfferKind;
  months: number | null;
  userId: string;
  hasCode: boolean;
  hasCredit: boolean;
}

/**
 * Delivers what an approved claim can get now, inside the caller's transaction (which holds the
 * claim's row lock): a pool code for each gift card, a service-credit row for each month credit.
 * Codes are taken with SKIP LOCKED, so concurrent approvals never wait on or share one code.
 * Returns whether every item is delivered; an empty pool leaves the gift card waiting.
 */
export async function deliverClaimItems(tx: Tx, claimId: number): Promise<{ complete: boolean; codesAssigned: number }> {
  const items = await tx.$queryRaw<ItemRow[]>`
    SELECT i.id, i."offerId", o.kind::text AS kind, o.months, c."userId",
      EXISTS (SELECT 1 FROM "GiftCardCode" g WHERE g."claimItemId" = i.id) AS "hasCode",
      EXISTS (SELECT 1 FROM "ServiceCredit" s WHERE s."claimItemId" = i.id) AS "hasCredit"
    FROM "ClaimItem" i JOIN "CompensationOffer" o ON o.id = i."offerId" JOIN "Claim" c ON c.id = i."claimId"
    WHERE i."claimId" = ${claimId} ORDER BY i.id`;
  let complete = true;
  let codesAssigned = 0;
  for (const item of items) {
    if (item.kind === "GIFT_CARD" && !item.hasCode) {
      const taken = await tx.$queryRaw<{ id: number }[]>`
        UPDATE "GiftCardCode" SET "claimItemId" = ${item.id}, "assignedAt" = now()
        WHERE id = (
          SELECT id FROM "GiftCardCode" WHERE "offerId" = ${item.offerId} AND "claimItemId" IS NULL
          ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1
        )
        RETURNING id`;
      if (taken.length === 0) complete = false;
      else codesAssigned += 1;
    } else if (item.kind === "SERVICE_CREDIT" && !item.hasCredit && item.months) {
      await tx.$executeRaw`
        INSERT INTO "ServiceCredit" ("userId", "offerId", "claimItemId", months)
        VALUES (${item.userId}, ${item.offerId}, ${item.id}, ${item.months})
        ON CONFLICT ("userId", "offerId") DO NOTHING`;
    }
  }
  return { complete, codesAssigned };
}
