import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page, Response } from "@playwright/test";
import { expect, test } from "../helpers/test";
import pg from "pg";
import { startPgWireProxy, viaProxy, type PgWireProxy } from "../../scripts/db/pg-wire-proxy";
import { createClaimFixture, type ClaimFixture } from "../helpers/claims-fixture";
import { withDb } from "../helpers/db";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { newStaffMember } from "../helpers/restoration";
import { copyBuild, startSecondServer, type SecondServer } from "../helpers/second-server";
import { signIn } from "../helpers/sign-in";

// The database goes away while a production server is serving the public pages, and stays away
// while that server restarts: visitors keep getting the last known content, dated. Signed-in
// people are told the truth (503, "we can't reach your account details"), never signed out.
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const databaseUrl = process.env.DATABASE_URL!;
const tag = randomUUID().slice(0, 8);
const slug = `outage-drill-${tag}`;
const title = `Outage drill ${tag}`;
const updateText = `Drill update ${tag}: calendars are back.`;

let proxy: PgWireProxy;
let build: ReturnType<typeof copyBuild>;
let server: SecondServer;
let serverEnv: Record<string, string>;
const mirrorUrl = `https://status-mirror-${tag}.example/`;
const UNAVAILABLE = "We can't reach your account details right now.";
let claimant: ClaimFixture;
let claimNumber: string;
let staffEmail: string;
let neverVisited: { slug: string; title: string };
let subscriber: { state: Awaited<ReturnType<BrowserContext["storageState"]>> };
let staff: { state: Awaited<ReturnType<BrowserContext["storageState"]>> };

async function text(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const incident = await client.query<{ id: number }>(
    `INSERT INTO "Incident" (slug, title, impact, status, "startedAt", "resolvedAt", "updatedAt")
     VALUES ($1, $2, 'MINOR', 'RESOLVED', now() - interval '400 days', now() - interval '399 days', now()) RETURNING id`,
    [slug, title],
  );
  await client.query(`INSERT INTO "IncidentUpdate" ("incidentId", status, body) VALUES ($1, 'RESOLVED', $2)`, [incident.rows[0]!.id, updateText]);
  await client.end();

  const target = new URL(databaseUrl);
  proxy = await startPgWireProxy({ host: target.hostname, port: Number(target.port || 5432) });
  build = copyBuild();
  // Cached reads go stale after a second here, so the server really tries the database again.
  serverEnv = { DATABASE_URL: viaProxy(databaseUrl, proxy), PUBLIC_DATA_REVALIDATE_SECONDS: "1", STATUS_MIRROR_URL: mirrorUrl };
  server = await startSecondServer({ distDir: build.distDir, env: serverEnv });
});

test.afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  build?.remove();
});

const documents = () => [
  { path: "/", expect: "Services" },
  { path: `/incidents/${slug}`, expect: updateText },
  { path: "/feed.atom", expect: title },
  { path: `/api/v1/incidents/${slug}`, expect: updateText },
  { path: "/api/v1/status", expect: '"components"' },
];

/** A browser context of its own on the second server, signed in as before when a state is given. */
async function on(browser: Browser, state?: { state: Awaited<ReturnType<BrowserContext["storageState"]>> }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.base, storageState: state?.state });
  return { context, page: await context.newPage() };
}

/** A 503 that says what is wrong, when to come back, and where the news is. */
async function expectHonest503(page: Page, response: Response | null, what: string, headline: string | RegExp = UNAVAILABLE) {
  expect(response?.status(), what).toBe(503);
  expect(Number(response?.headers()["retry-after"]), `${what}: Retry-After`).toBeGreaterThan(0);
  expect(new URL(page.url()).pathname, `${what} is not sent to sign in`).not.toBe("/signin");
  await expect(page.getByRole("heading", { level: 1 }), what).toHaveText(headline);
  await expect(page.getByText("Nothing is lost; try again in a few minutes.")).toBeVisible();
  await expect(page.getByRole("link", { name: /status page/ })).toHaveAttribute("href", "/");
  await expect(page.getByRole("link", { name: /mirror/ })).toHaveAttribute("href", mirrorUrl);
}

/** A server action posted as another site's form would post it. */
function crossSiteAction(path: string, cookie = "") {
  return fetch(server.base + path, {
    method: "POST",
    headers: { "Next-Action": "0".repeat(42), Origin: "https://attacker.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain;charset=UTF-8", Cookie: cookie },
    body: "[]",
  });
}

test("before the outage: a subscriber and a staff member sign in; server actions from another site are refused with 403", async ({ browser }) => {
  claimant = await createClaimFixture();
  staffEmail = await newStaffMember("SUPPORT");
  neverVisited = await createResolvedIncident("Never visited before the outage");

  const sub = await on(browser);
  await signIn(sub.page, claimant.email, "/claims");
  const gift = await withDb(async (c) => (await c.query<{ id: number; incidentId: number }>(`SELECT id, "incidentId" FROM "CompensationOffer" WHERE title = $1`, [claimant.giftTitle])).rows[0]!);
  const claim = await sub.page.request.post("/api/claims", { data: { incidentId: gift.incidentId, offerIds: [gift.id], giftCardEmail: claimant.email, attested: true, idempotencyKey: randomUUID() } });
  expect(claim.status()).toBe(201);
  claimNumber = (await claim.json()).number;
  await sub.page.goto(`/claims/${claimNumber}`);
  await expect(sub.page.getByText(claimNumber).first()).toBeVisible();
  subscriber = { state: await sub.context.storageState() };
  await sub.context.close();

  const desk = await on(browser);
  await signIn(desk.page, staffEmail, "/admin");
  await expect(desk.page.getByRole("heading", { name: "Overview" })).toBeVisible();
  staff = { state: await desk.context.storageState() };
  await desk.context.close();

  for (const path of ["/subscribe", "/admin", "/claims"]) {
    const refused = await crossSiteAction(path, path === "/subscribe" ? "" : staff.state.cookies.map((c) => `${c.name}=${c.value}`).join("; "));
    expect(refused.status, `cross-site server action on ${path}`).toBe(403);
    expect(await refused.text()).toContain("Cross-site requests cannot change anything here.");
  }
});

test("public pages, feeds and API keep serving the last known content while the database is down", async ({ page }) => {
  for (const doc of documents()) {
    await expect.poll(async () => (await text(server.base + doc.path)).body, { timeout: 30_000, message: `${doc.path} before the outage` }).toContain(doc.expect);
  }
  proxy.goDown();
  const wentDown = Date.now();
  // Keep visiting until the server has tried, and failed, to reach the database.
  await expect
    .poll(async () => {
      await Promise.all(documents().map((doc) => fetch(server.base + doc.path).then((r) => r.arrayBuffer())));
      return proxy.refused();
    }, { timeout: 60_000, message: "the server never tried the database after it went down" })
    .toBeGreaterThan(0);

  for (const doc of documents()) {
    const { status, body } = await text(server.base + doc.path);
    expect(status, `${doc.path} during the outage`).toBe(200);
    expect(body, `${doc.path} during the outage`).toContain(doc.expect);
  }
  // The page says how old it is: read before the database went away, never after.
  await page.goto(`${server.base}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const shown = (await page.getByText(/^Last updated /).textContent())!.replace("Last updated ", "").replace(/,(?= \d+:)/, "");
  const readAt = Date.parse(shown);
  expect(readAt, `"${shown}" is a time`).not.toBeNaN();
  expect(readAt).toBeLessThanOrEqual(wentDown);
  expect(readAt).toBeGreaterThan(wentDown - 10 * 60_000);
  await page.goto(`${server.base}/incidents/${slug}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText(updateText)).toBeVisible();
  await expect(page.getByText(/Page last updated/)).toBeVisible();
});

test("signed-in pages, the sign-in form and the JSON API answer 503 while the database is down, never \"signed out\"", async ({ browser }) => {
  // The database went away in the test before and is still away.
  const sub = await on(browser, subscriber);
  await expectHonest503(sub.page, await sub.page.goto("/claims"), "/claims");
  await expectHonest503(sub.page, await sub.page.goto(`/claims/${claimNumber}`), "/claims/<n>");
  const preferences = await sub.page.goto("/preferences");
  expect(preferences?.status(), "/preferences").toBe(503);

  const data = await sub.page.request.get("/api/me/recovery");
  expect(data.status(), "GET /api/me/recovery").toBe(503);
  expect(Number(data.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await data.json()).error).toEqual({ code: "UNAVAILABLE", message: `${UNAVAILABLE} Nothing is lost; try again in a few minutes.` });
  await sub.page.goto("/me");
  await expect(sub.page.getByText(UNAVAILABLE)).toBeVisible();
  expect(new URL(sub.page.url()).pathname).toBe("/me");
  await sub.context.close();

  const desk = await on(browser, staff);
  await expectHonest503(desk.page, await desk.page.goto("/admin"), "/admin");
  await desk.context.close();

  const visitor = await on(browser);
  await visitor.page.goto("/signin");
  await visitor.page.getByLabel("Email address").fill(claimant.email);
  const [post] = await Promise.all([
    visitor.page.waitForResponse((r) => r.url().endsWith("/api/auth/signin/email") && r.request().method() === "POST"),
    visitor.page.getByRole("button", { name: "Email me a sign-in link" }).click(),
  ]);
  expect(post.status(), "the sign-in POST").toBe(503);
  expect(Number(post.headers()["retry-after"])).toBeGreaterThan(0);
  const alert = visitor.page.getByRole("alert").filter({ hasText: UNAVAILABLE });
  await expect(alert).toContainText(`${UNAVAILABLE} Nothing is lost; try again in a few minutes.`);
  await expect(alert.getByRole("link", { name: "The status page" })).toHaveAttribute("href", "/");
  await visitor.context.close();

  const refused = await crossSiteAction("/admin", staff.state.cookies.map((c) => `${c.name}=${c.value}`).join("; "));
  expect(refused.status, "cross-site server action while the database is down").toBe(403);
});

test("a public page never cached before the outage says so and points to the status page and its mirror", async ({ page }) => {
  const api = await fetch(`${server.base}/api/v1/incidents/${neverVisited.slug}`);
  expect(api.status, "its JSON document").toBe(503);
  expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await api.json()).error.code).toBe("UNAVAILABLE");

  // Next.js gives a page that fails to render the status 500 whatever the page does (see README,
  // "Database down"); what the page says is ours.
  const response = await page.goto(`${server.base}/incidents/${neverVisited.slug}`);
  expect(response?.status()).toBe(500);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page can't be shown right now.");
  await expect(page.getByText("Nothing is lost; try again in a few minutes.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the status page" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("link", { name: "Status page mirror" })).toHaveAttribute("href", "/status-mirror");
  const mirror = await fetch(`${server.base}/status-mirror`, { redirect: "manual" });
  expect(mirror.status).toBe(307);
  expect(mirror.headers.get("location")).toBe(mirrorUrl);
});

test("a server restarted during the outage still serves the last known pages", async ({ page }) => {
  await server.stop();
  server = await startSecondServer({ distDir: build.distDir, env: serverEnv });
  for (const doc of documents()) {
    const { status, body } = await text(server.base + doc.path);
    expect(status, `${doc.path} after the restart`).toBe(200);
    expect(body, `${doc.path} after the restart`).toContain(doc.expect);
  }
  await page.goto(`${server.base}/incidents/${slug}`);
  await expect(page.getByText(updateText)).toBeVisible();
  proxy.comeBack();
});

test("when the database is back, the same session carries on: nobody was signed out", async ({ browser }) => {
  const sub = await on(browser, subscriber);
  await expect.poll(async () => (await sub.page.goto(`/claims/${claimNumber}`))?.status(), { timeout: 30_000 }).toBe(200);
  expect(new URL(sub.page.url()).pathname).toBe(`/claims/${claimNumber}`);
  await expect(sub.page.getByText(claimNumber).first()).toBeVisible();
  await sub.context.close();
});
