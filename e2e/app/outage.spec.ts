import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import pg from "pg";
import { startPgWireProxy, viaProxy, type PgWireProxy } from "../../scripts/db/pg-wire-proxy";
import { copyBuild, startSecondServer, type SecondServer } from "../helpers/second-server";

// The database goes away while a production server is serving the public pages, and stays away
// while that server restarts: visitors keep getting the last known content, dated.
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
  serverEnv = { DATABASE_URL: viaProxy(databaseUrl, proxy), PUBLIC_DATA_REVALIDATE_SECONDS: "1" };
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
