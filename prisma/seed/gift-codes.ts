// The demo's gift-card code pools: enough codes for every demo subscriber to claim and reveal one,
// imported the way an admin imports a supplier's file (encrypted with GIFT_CODE_KEY, or in
// development with the key derived from the app secret, the one the running app decrypts with).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { importGiftCodes } from "../../lib/claims/import-gift-codes";

const POOL_SIZE = 250;

/** "DEMO-100-0001-NIMBUS": recognisable as demo codes, unique per offer value. */
export function demoGiftCodes(valueCents: number, count = POOL_SIZE): string[] {
  return Array.from({ length: count }, (_, i) => `DEMO-${valueCents / 100}-${String(i + 1).padStart(4, "0")}-NIMBUS`);
}

/** Fills the pool of each gift-card offer of the incident that has no codes yet. */
export async function seedGiftCodePools(db: PrismaClient, { incidentId, adminEmail }: { incidentId: number; adminEmail: string }): Promise<number> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: adminEmail }, select: { id: true, email: true, role: true } });
  const offers = await db.compensationOffer.findMany({
    where: { incidentId, kind: "GIFT_CARD", valueCents: { not: null }, giftCardCodes: { none: {} } },
    select: { id: true, valueCents: true },
  });
  let imported = 0;
  for (const offer of offers) {
    const csv = ["code", ...demoGiftCodes(offer.valueCents!)].join("\n");
    imported += (await importGiftCodes({ actor: admin, input: { offerId: offer.id, csv } })).imported;
  }
  return imported;
}
