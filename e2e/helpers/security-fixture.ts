// The objects the security suite points routes at: two subscribers (A and B) with a claim and a
// revealed-able gift-card code each, staff of both kinds, and one of everything an id-bearing route
// names. B's identifying strings are what must never show up in an answer to A.
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { createClaimFixture } from "./claims-fixture";
import { withDb } from "./db";
import { createQaIncident, seedQuestion } from "./forum";
import { cookieHeader, newAccount, type Account } from "./security-accounts";

export interface Party {
  account: Account;
  incidentId: number;
  incidentSlug: string;
  incidentTitle: string;
  claimNumber: string;
  claimItemId: number;
  code: string;
  giftCardEmail: string;
}

export interface SecurityFixture {
  admin: Account;
  support: Account;
  a: Party;
  b: Party;
  maintenanceId: number;
  batchId: number;
  /** A question B asked (and voted for) on an incident of the fixture's own. */
  qa: { slug: string; postId: number };
}

/** Everything of B's that identifies B or B's property, for "nothing of B in the body". */
export function identifying(party: Party): string[] {
  return [party.account.email, party.account.name, party.account.accountRef ?? "", party.claimNumber, party.code, party.giftCardEmail, party.incidentTitle].filter(Boolean);
}

async function party(request: APIRequestContext, label: string): Promise<Party> {
  const claim = await createClaimFixture({ codes: 1 });
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const name = `${label} Quist-${tag}`;
  const { id, offer, incidentSlug } = await withDb(async (c) => {
    const user = (await c.query<{ id: string }>(`UPDATE "User" SET name = $2, "accountRef" = $3 WHERE email = $1 RETURNING id`, [claim.email, name, `SEC-${tag}`])).rows[0]!;
    const gift = (await c.query<{ id: number; incidentId: number; slug: string }>(`SELECT o.id, o."incidentId", i.slug FROM "CompensationOffer" o JOIN "Incident" i ON i.id = o."incidentId" WHERE o.title = $1`, [claim.giftTitle])).rows[0]!;
    return { id: user.id, offer: gift, incidentSlug: gift.slug };
  });
  const account: Account = { id, email: claim.email, name, role: "SUBSCRIBER", accountRef: `SEC-${tag}`, sessionToken: randomUUID() };
  await withDb((c) => c.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [randomUUID(), account.sessionToken, id]));
  const giftCardEmail = `gift-${tag.toLowerCase()}@security.example.com`;
  // The claim goes through the real use case; its fulfilment (staff review) is another spec's subject.
  const submitted = await request.post("/api/claims", {
    headers: cookieHeader(account),
    data: { incidentId: offer.incidentId, offerIds: [offer.id], giftCardEmail, attested: true, idempotencyKey: randomUUID() },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const claimNumber = ((await submitted.json()) as { number: string }).number;
  const claimItemId = await withDb(async (c) => {
    const item = (await c.query<{ id: number }>(`SELECT ci.id FROM "ClaimItem" ci JOIN "Claim" cl ON cl.id = ci."claimId" WHERE cl.number = $1`, [claimNumber])).rows[0]!;
    await c.query(`UPDATE "GiftCardCode" SET "claimItemId" = $1, "assignedAt" = now() WHERE "offerId" = $2`, [item.id, offer.id]);
    await c.query(`UPDATE "Claim" SET status = 'FULFILLED', "decidedAt" = now(), "fulfilledAt" = now() WHERE number = $1`, [claimNumber]);
    return item.id;
  });
  return { account, incidentId: offer.incidentId, incidentSlug, incidentTitle: claim.incidentTitle, claimNumber, claimItemId, code: claim.codes[0]!, giftCardEmail };
}

export async function createSecurityFixture(request: APIRequestContext): Promise<SecurityFixture> {
  const [admin, support, a, b] = await Promise.all([newAccount("ADMIN"), newAccount("SUPPORT"), party(request, "Alice"), party(request, "Bruno")]);
  const qaIncident = await createQaIncident();
  const postId = await seedQuestion(qaIncident.id, b.account.id, `Bruno's question about ${b.claimNumber}: when is my data back?`);
  const { maintenanceId, batchId } = await withDb(async (c) => {
    await c.query(`INSERT INTO "ForumVote" ("postId", "userId") VALUES ($1, $2)`, [postId, b.account.id]);
    const maintenance = (await c.query<{ id: number }>(`SELECT id FROM "Maintenance" ORDER BY id LIMIT 1`)).rows[0]!;
    const batch = (
      await c.query<{ id: number }>(
        `INSERT INTO "ImportBatch" ("incidentId", key, "contentSha256", status, "totalRows", "rejectedRows", "errorReport", "createdById", "finishedAt")
         VALUES ($1, $2, $3, 'REJECTED', 1, 1, $4, $5, now()) RETURNING id`,
        [b.incidentId, `security-${randomUUID()}`, randomUUID().replace(/-/g, ""), `line,subscriber_ref,error\n2,${b.account.accountRef},unknown state`, support.id],
      )
    ).rows[0]!;
    return { maintenanceId: maintenance.id, batchId: batch.id };
  });
  return { admin, support, a, b, maintenanceId, batchId, qa: { slug: qaIncident.slug, postId } };
}
