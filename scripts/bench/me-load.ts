// /me under load: a production server on the benchmark database, 50 connections for 20 s, signed
// in as one of the benchmark subscribers through a real database session.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { freePort } from "../test-env";

export async function benchMe(url: string, { connections = 50, seconds = 20 } = {}) {
  const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: "aftercare-bench-secret-aftercare-bench-secret", GIFT_CODE_KEY: Buffer.alloc(32, 9).toString("base64"), SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:9", NEXT_TELEMETRY_DISABLED: "1" };
  if (!existsSync(".next/BUILD_ID")) {
    console.log("Building the production server…");
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("node_modules/.bin/next", ["start", "--port", String(port)], { env: { ...env, NEXTAUTH_URL: base }, stdio: "ignore", detached: true });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const token = randomBytes(32).toString("hex");
  try {
    const user = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE "accountRef" = 'BULK-00424242'`);
    if (!user.rows[0]) throw new Error("benchmark subscriber BULK-00424242 is missing");
    await client.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 hour')`, [randomUUID(), token, user.rows[0].id]);

    const headers = { cookie: `next-auth.session-token=${token}` };
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/me`, { headers }).then(async (r) => r.status === 200 && (await r.text()).includes("My recovery"), () => false);
      if (ok) break;
      if (i > 120) throw new Error("next start did not serve /me");
      await new Promise((r) => setTimeout(r, 500));
    }
    // Warm-up, then the measured run.
    await autocannon({ url: `${base}/me`, connections: 10, duration: 3, headers });
    const result = await autocannon({ url: `${base}/me`, connections, duration: seconds, headers });
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
  } finally {
    await client.query(`DELETE FROM "Session" WHERE "sessionToken" = $1`, [token]).catch(() => {});
    await client.end();
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already stopped
    }
  }
}
