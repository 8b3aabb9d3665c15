import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createClaimFixture } from "../helpers/claims-fixture";
import { withDb } from "../helpers/db";
import { createQaIncident, newSubscriber } from "../helpers/forum";
import { forgedAddress, ownLoopbackAddress, send, startNextServer, type NextServer, type RawResponse } from "../helpers/next-start";
import { askForSignInLink, forgedHeaders, newApiToken, sessionCookieFor } from "../helpers/security";

// Rate limits and the client address, through real `next start` processes (claims through the API
// service beside each, which runs with the same settings): one reached directly
// (no proxy configured: the socket's peer is the client), one behind a trusted proxy
// (TRUSTED_PROXY_HOPS=1: the test plays nginx and appends the client's address). Every request
// carries made-up forwarding headers; none of them may move a request into another bucket.
test.describe.configure({ mode: "serial" });

let direct: NextServer;
let proxied: NextServer;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  [direct, proxied] = await Promise.all([
    startNextServer({ SIGNIN_LIMIT_PER_IP: "30", CLAIM_LIMIT_PER_ACCOUNT: "3", IMPORT_LIMIT_PER_TOKEN: "3" }),
    startNextServer({ TRUSTED_PROXY_HOPS: "1", SIGNIN_LIMIT_PER_IP: "5" }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

function expectRetryAfter(response: RawResponse) {
  expect(response.status).toBe(429);
  const retry = Number(response.headers["retry-after"]);
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(15 * 60);
}

const unknownAddress = () => `nobody-${randomUUID().slice(0, 12)}@example.com`;

test("sign-in: forged forwarding headers from one host all count against that host's 30 requests", async () => {
  test.setTimeout(120_000);
  const host = ownLoopbackAddress();
  for (let i = 0; i < 30; i++) {
    const response = await askForSignInLink(direct, { email: unknownAddress(), from: host, headers: forgedHeaders(forgedAddress) });
    expect(response.status, `request ${i + 1} of 30`).toBe(200);
  }
  expectRetryAfter(await askForSignInLink(direct, { email: unknownAddress(), from: host, headers: forgedHeaders(forgedAddress) }));
  expectRetryAfter(await askForSignInLink(direct, { email: unknownAddress(), from: host }));
  // Another host has a bucket of its own.
  expect((await askForSignInLink(direct, { email: unknownAddress(), from: ownLoopbackAddress() })).status).toBe(200);
});

test("behind one trusted proxy, the address it appended is the client, whatever the client put before it", async () => {
  test.setTimeout(60_000);
  const nginx = ownLoopbackAddress();
  // Six clients through the proxy: each has its own bucket of five.
  for (let i = 0; i < 6; i++) {
    const client = `198.51.100.${10 + i}`;
    const response = await askForSignInLink(proxied, { email: unknownAddress(), from: nginx, headers: { "x-forwarded-for": `${forgedAddress()}, ${client}` } });
    expect(response.status).toBe(200);
  }
  // One client changing what it sends itself still meets its limit.
  const client = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  for (let i = 0; i < 5; i++) {
    const response = await askForSignInLink(proxied, { email: unknownAddress(), from: nginx, headers: { "x-forwarded-for": `${forgedAddress()}, ${forgedAddress()}, ${client}` } });
    expect(response.status).toBe(200);
  }
  expectRetryAfter(await askForSignInLink(proxied, { email: unknownAddress(), from: nginx, headers: { "x-forwarded-for": `${forgedAddress()}, ${client}` } }));
});

async function claimSetup() {
  const fixture = await createClaimFixture();
  return withDb(async (c) => {
    const { rows } = await c.query<{ userId: string; incidentId: number; offerId: number }>(
      `SELECT u.id AS "userId", o."incidentId", o.id AS "offerId" FROM "User" u, "CompensationOffer" o WHERE u.email = $1 AND o.title = $2`,
      [fixture.email, fixture.giftTitle],
    );
    const row = rows[0]!;
    return { ...row, email: fixture.email, cookie: await sessionCookieFor(row.userId) };
  });
}

const claimBody = (s: { incidentId: number; offerId: number; email: string }) =>
  JSON.stringify({ incidentId: s.incidentId, offerIds: [s.offerId], giftCardEmail: s.email, attested: true, idempotencyKey: randomUUID() });

async function postClaim(server: NextServer, s: Awaited<ReturnType<typeof claimSetup>>, from: string, headers: Record<string, string>) {
  return send(server.api, { method: "POST", path: "/api/claims", from, body: claimBody(s), headers: { ...headers, cookie: s.cookie, "content-type": "application/json" } });
}

const storedClaimIp = (userId: string) => withDb(async (c) => (await c.query<{ ip: string | null }>(`SELECT ip FROM "Claim" WHERE "userId" = $1`, [userId])).rows.map((r) => r.ip));

test("claims from one host with different forged headers are recorded from that host and raise the shared-IP signal", async () => {
  const host = ownLoopbackAddress();
  const claimants = [await claimSetup(), await claimSetup(), await claimSetup()];
  for (const claimant of claimants) expect((await postClaim(direct, claimant, host, forgedHeaders(forgedAddress))).status).toBe(201);
  for (const claimant of claimants) expect(await storedClaimIp(claimant.userId)).toEqual([host]);
  // The fraud signal's own rule (lib/claims/fraud-signals.ts): 3+ claims from one IP within 24 h.
  const sameIp = await withDb(async (c) =>
    Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Claim" WHERE ip = $1 AND "createdAt" > now() - interval '24 hours'`, [host])).rows[0]!.n),
  );
  expect(sameIp).toBeGreaterThanOrEqual(3);

  // Behind the trusted proxy, the claim is recorded from the address the proxy appended.
  const behind = await claimSetup();
  expect((await postClaim(proxied, behind, ownLoopbackAddress(), { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).status).toBe(201);
  expect(await storedClaimIp(behind.userId)).toEqual(["203.0.113.9"]);
});

test("claim submissions are limited per account and answer 429 with Retry-After", async () => {
  const claimant = await claimSetup();
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await postClaim(direct, claimant, ownLoopbackAddress(), forgedHeaders(forgedAddress))).status);
  expect(statuses).toEqual([201, 409, 409]);
  expectRetryAfter(await postClaim(direct, claimant, ownLoopbackAddress(), forgedHeaders(forgedAddress)));
});

test("forum posts are limited per author and answer 429 with Retry-After, however the headers are forged", async () => {
  const incident = await createQaIncident();
  const author = await newSubscriber();
  const cookie = await sessionCookieFor(author.id);
  const post = (n: number) =>
    send(direct, {
      method: "POST",
      path: `/api/forum/incidents/${incident.slug}/questions`,
      from: ownLoopbackAddress(),
      body: JSON.stringify({ body: `Is my data safe? Question number ${n} from the rate-limit test.` }),
      headers: { ...forgedHeaders(forgedAddress), cookie, "content-type": "application/json" },
    });
  for (let n = 1; n <= 5; n++) expect((await post(n)).status, `post ${n}`).toBe(200);
  const refused = await post(6);
  expectRetryAfter(refused);
  expect(JSON.parse(refused.text).error.message).toMatch(/posted 5 times in a minute/);
});

test("restoration imports are limited per API token and answer 429 with Retry-After", async () => {
  const token = await newApiToken();
  const importFrom = () =>
    send(direct, {
      method: "POST",
      path: "/api/v1/restoration/batches?incident=subscriber-data-loss&mode=all_or_nothing",
      from: ownLoopbackAddress(),
      body: "account_ref,category,state,items_lost,items_recovered,items_restored,as_of\n",
      headers: { ...forgedHeaders(forgedAddress), authorization: `Bearer ${token}`, "content-type": "text/csv" },
    });
  for (let i = 0; i < 3; i++) expect((await importFrom()).status).not.toBe(429);
  expectRetryAfter(await importFrom());
  // Another token is not held back by this one.
  const other = await newApiToken();
  const response = await send(direct, {
    method: "POST",
    path: "/api/v1/restoration/batches?incident=subscriber-data-loss&mode=all_or_nothing",
    from: ownLoopbackAddress(),
    body: "account_ref,category,state,items_lost,items_recovered,items_restored,as_of\n",
    headers: { authorization: `Bearer ${other}`, "content-type": "text/csv" },
  });
  expect(response.status).not.toBe(429);
});

test("subscribing: a visitor behind the proxy who changes the forwarded header still meets the limit of 10", async ({ page }) => {
  test.setTimeout(120_000);
  const client = `192.0.2.${1 + Math.floor(Math.random() * 250)}`;
  const subscribeOnce = async () => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `${forgedAddress()}, ${client}` });
    await page.goto(`${proxied.base}/subscribe`);
    await page.getByLabel("Email address").fill(`visitor-${randomUUID().slice(0, 12)}@example.com`);
    await page.getByRole("button", { name: "Subscribe" }).click();
  };
  // Ten per fixed window: the 11th attempt is refused, or a later one when the attempts straddle the
  // start of a new window, but never after the 21st. Were the forged entries believed, each attempt
  // would land in a bucket of its own and none would be refused.
  const accepted = page.getByRole("heading", { name: "Check your inbox to confirm" });
  const refused = page.getByRole("main").getByRole("alert");
  let refusedAt = 0;
  for (let attempt = 1; attempt <= 21 && refusedAt === 0; attempt++) {
    await subscribeOnce();
    await expect(accepted.or(refused)).toBeVisible();
    if (await refused.isVisible()) refusedAt = attempt;
  }
  await expect(refused).toContainText("Too many attempts");
  expect(refusedAt).toBeGreaterThanOrEqual(11);
});
