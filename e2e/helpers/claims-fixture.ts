// A compensation scenario that belongs to one browser test: its own incident, offers, gift-card
// codes and subscriber, written straight into the test database.
import { randomUUID } from "node:crypto";
import { encryptCode, hashCode, lastFour } from "../../lib/claims/code-crypto";
import { withDb } from "./db";

export interface ClaimFixture {
  incidentTitle: string;
  email: string;
  giftTitle: string;
  extraTitle: string;
  monthTitle: string;
  codes: string[];
}

export async function createClaimFixture({ codes = 0 }: { codes?: number } = {}): Promise<ClaimFixture> {
  const tag = randomUUID().slice(0, 8);
  const email = `claimant-${tag}@example.com`;
  const userId = randomUUID();
  const fixture: ClaimFixture = {
    incidentTitle: `Compensation test ${tag}`,
    email,
    giftTitle: `$100 gift card ${tag}`,
    extraTitle: `Photo rescue session ${tag}`,
    monthTitle: `Free month ${tag}`,
    codes: Array.from({ length: codes }, () => `NIMBUS-${randomUUID().slice(0, 13).toUpperCase()}`),
  };
  await withDb(async (c) => {
    await c.query(`INSERT INTO "User" (id, email, role, "accountRef", "updatedAt") VALUES ($1, $2, 'SUBSCRIBER', $3, now())`, [userId, email, `E2E-${tag.toUpperCase()}`]);
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO "Incident" (slug, title, impact, status, "startedAt", "resolvedAt", "updatedAt")
       VALUES ($1, $2, 'MAJOR', 'RESOLVED', now() - interval '30 days', now() - interval '29 days', now()) RETURNING id`,
      [`compensation-${tag}`, fixture.incidentTitle],
    );
    const incidentId = rows[0]!.id;
    await c.query(
      `INSERT INTO "RestorationRecord" ("incidentId", "userId", "categoryId", state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf")
       SELECT $1, $2, id, (CASE slug WHEN 'photos' THEN 'UNRECOVERABLE' ELSE 'RESTORED' END)::"RestorationState", 10, CASE slug WHEN 'photos' THEN 0 ELSE 10 END, CASE slug WHEN 'photos' THEN 0 ELSE 10 END, now()
       FROM "DataCategory" WHERE slug IN ('contacts', 'photos')`,
      [incidentId, userId],
    );
    const offer = (kind: string, title: string, rule: string, mode: string, months: number | null, cents: number | null) =>
      c.query<{ id: number }>(
        `INSERT INTO "CompensationOffer" ("incidentId", kind, title, description, months, "valueCents", eligibility, mode, "opensAt", "closesAt", "updatedAt")
         VALUES ($1, $2::"OfferKind", $3, $4, $5, $6, $7::"EligibilityRule", $8::"OfferMode", now() - interval '1 day', now() + interval '30 days', now()) RETURNING id`,
        [incidentId, kind, title, `About ${title}.`, months, cents, rule, mode],
      );
    const gift = await offer("GIFT_CARD", fixture.giftTitle, "ANY_AFFECTED", "CLAIM", null, 10_000);
    await offer("OTHER", fixture.extraTitle, "ANY_UNRECOVERABLE_OR_PARTIAL", "CLAIM", null, null);
    // An open automatic offer is applied in the transaction that creates it, audited, as createOffer
    // does; the worker's opening step then finds it applied and leaves it alone.
    await c.query("BEGIN");
    const month = await offer("SERVICE_CREDIT", fixture.monthTitle, "ANY_AFFECTED", "AUTOMATIC", 1, null);
    await c.query(`INSERT INTO "OfferGrant" ("offerId", "userId") VALUES ($1, $2)`, [month.rows[0]!.id, userId]);
    await c.query(
      `INSERT INTO "AuditLog" ("actorId", "actorEmail", action, "entityType", "entityId", after, "createdAt")
       VALUES (NULL, 'system:e2e-fixture', 'offer.granted', 'CompensationOffer', $1, '{"granted":1,"notified":0}', now())`,
      [String(month.rows[0]!.id)],
    );
    await c.query("COMMIT");
    for (const code of fixture.codes) {
      await c.query(`INSERT INTO "GiftCardCode" ("offerId", "codeEncrypted", "codeHash", last4) VALUES ($1, $2, $3, $4)`, [gift.rows[0]!.id, encryptCode(code), hashCode(code), lastFour(code)]);
    }
  });
  return fixture;
}
