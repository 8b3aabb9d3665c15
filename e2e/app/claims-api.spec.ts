// POST /api/claims, the claim form as JSON for scripted clients (the API service, lib/http/api-service.ts).
import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { createClaimFixture } from "../helpers/claims-fixture";
import { withDb } from "../helpers/db";
import { waitForMail } from "../helpers/mailbox";
import { signIn } from "../helpers/sign-in";

async function offerOf(title: string) {
  return withDb(async (c) => (await c.query<{ id: number; incidentId: number }>(`SELECT id, "incidentId" FROM "CompensationOffer" WHERE title = $1`, [title])).rows[0]!);
}

test("a scripted claim gets one claim number per form, a device cookie and an email; refusals say why", async ({ page, baseURL }) => {
  const f = await createClaimFixture();
  const gift = await offerOf(f.giftTitle);
  const form = { incidentId: gift.incidentId, offerIds: [gift.id], giftCardEmail: f.email, attested: true, idempotencyKey: randomUUID() };

  const anonymous = await page.request.post("/api/claims", { data: form });
  expect(anonymous.status(), "signed out").toBe(401);
  expect((await anonymous.json()).error.message).toBe("Please sign in to continue.");

  await signIn(page, f.email, "/claims");
  const api = page.request;
  const crossSite = await api.post("/api/claims", { data: form, headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.message).toBe("This request came from another site and was refused.");
  const notJson = await api.post("/api/claims", { form: { incidentId: String(gift.incidentId) } });
  expect(notJson.status()).toBe(403);
  const unattested = await api.post("/api/claims", { data: { ...form, attested: false } });
  expect(unattested.status()).toBe(422);
  expect(JSON.stringify(await unattested.json())).toContain("Tick the box to confirm that the information is true.");

  const since = new Date(Date.now() - 1000);
  const [first, second] = await Promise.all([api.post("/api/claims", { data: form }), api.post("/api/claims", { data: form })]);
  const answers = [{ status: first.status(), body: await first.json() }, { status: second.status(), body: await second.json() }];
  expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
  const number = answers[0]!.body.number as string;
  expect(number).toMatch(/^C-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(answers[1]!.body.number, "the same form twice is the same claim").toBe(number);
  const created = answers.find((a) => a.status === 201)!;
  expect(created.body).toEqual({ number, created: true });
  const createdResponse = first.status() === 201 ? first : second;
  expect(createdResponse.headers()["cache-control"]).toBe("private, no-store");
  expect(createdResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(createdResponse.headers()["x-frame-options"]).toBe("DENY");
  const device = await page.context().cookies(baseURL);
  expect(device.find((c) => c.name === "aftercare_device")?.httpOnly).toBe(true);

  const anotherForm = await api.post("/api/claims", { data: { ...form, idempotencyKey: randomUUID() } });
  expect(anotherForm.status()).toBe(409);
  expect((await anotherForm.json()).error.message).toBe(`You already claimed compensation for this incident: claim ${number}.`);

  const stored = await withDb(async (c) => (await c.query<{ n: number; deviceId: string | null }>(`SELECT count(*)::int AS n, max("deviceId") AS "deviceId" FROM "Claim" WHERE "incidentId" = $1`, [gift.incidentId])).rows[0]!);
  expect(stored.n).toBe(1);
  expect(stored.deviceId).toBe(device.find((c) => c.name === "aftercare_device")?.value);
  const mail = await waitForMail(f.email, since, /We received your claim/);
  expect(mail.subject).toContain(number);
});

test("a form used by one subscriber cannot be replayed by another", async ({ browser }) => {
  const [a, b] = [await createClaimFixture(), await createClaimFixture()];
  const giftA = await offerOf(a.giftTitle);
  const key = randomUUID();
  const first = await browser.newPage();
  await signIn(first, a.email, "/claims");
  const mine = await first.request.post("/api/claims", { data: { incidentId: giftA.incidentId, offerIds: [giftA.id], giftCardEmail: a.email, attested: true, idempotencyKey: key } });
  expect(mine.status()).toBe(201);

  const giftB = await offerOf(b.giftTitle);
  const second = await browser.newPage();
  await signIn(second, b.email, "/claims");
  const replay = await second.request.post("/api/claims", { data: { incidentId: giftB.incidentId, offerIds: [giftB.id], giftCardEmail: b.email, attested: true, idempotencyKey: key } });
  expect(replay.status()).toBe(409);
  const body = await replay.json();
  expect(body.error.message).toBe("This form was already used. Reload the page and try again.");
  expect(JSON.stringify(body)).not.toContain((await mine.json()).number);
});
