// "My recovery" under load: the production topology (nginx and `webInstances` next start processes,
// npm run prod:local) on the benchmark database, signed in as one of the benchmark subscribers
// through a real database session. Each of 50 connections loads the page and then its data (GET /me,
// GET /api/me/recovery) in turn for 20 s, through nginx, as a browser opening the page does; latency
// percentiles are over both.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureTools, runWrk, type LoadResult } from "./load";
import { startTopology } from "./topology";

const ALTERNATE = `local paths = { "/me", "/api/me/recovery" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % 2) + 1])
end
`;

export async function benchMe(url: string, { connections = 50, seconds = 20, webInstances = 1 } = {}): Promise<LoadResult> {
  ensureTools();
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: "aftercare-bench-secret-aftercare-bench-secret",
    GIFT_CODE_KEY: Buffer.alloc(32, 9).toString("base64"),
    SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:9",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = await startTopology({ env, webInstances });
  const base = server.base;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const token = randomBytes(32).toString("hex");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-me-"));
  try {
    const user = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE "accountRef" = 'BULK-00424242'`);
    if (!user.rows[0]) throw new Error("benchmark subscriber BULK-00424242 is missing");
    await client.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 hour')`, [randomUUID(), token, user.rows[0].id]);
    const headers = { cookie: `next-auth.session-token=${token}` };

    // What is measured is what a subscriber gets: the page, and their six categories in its data.
    const page = await fetch(`${base}/me`, { headers });
    if (page.status !== 200 || !(await page.text()).includes("My recovery")) throw new Error(`GET /me answered ${page.status}`);
    const data = await fetch(`${base}/api/me/recovery`, { headers });
    const body = (await data.json()) as { incidents?: { categories: unknown[] }[] };
    const categories = body.incidents?.reduce((sum, i) => sum + i.categories.length, 0) ?? 0;
    if (data.status !== 200 || categories !== 6) throw new Error(`GET /api/me/recovery answered ${data.status} with ${categories} categories`);
    const signedOut = await fetch(`${base}/me`, { redirect: "manual" });
    if (signedOut.status !== 307) throw new Error(`GET /me without a session answered ${signedOut.status}, not a redirect to sign in`);

    const script = path.join(tmp, "alternate.lua");
    writeFileSync(script, ALTERNATE);
    // Ten unmeasured seconds of the same load first: the API process's hot code reaches V8's
    // optimising tiers, as in a server that has been up for a while.
    await runWrk(`${base}/me`, { connections, seconds: 10, headers, script });
    return await runWrk(`${base}/me`, { connections, seconds, headers, script });
  } finally {
    await client.query(`DELETE FROM "Session" WHERE "sessionToken" = $1`, [token]).catch(() => {});
    await client.end();
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
