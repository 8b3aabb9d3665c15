// `npm run bench:status`: the public side under a spike, through the production topology. On the
// benchmark-sized database (1M subscribers) and an incident whose Q&A holds 10,000 posts, 100
// connections for 20 s on `/` and on that incident page, through nginx in front of 1 and then 2
// `next start` instances (npm run prod:local), also with a random query string on every request; the
// same load, just before each page's runs, against a bare Node http server sending the same bytes;
// and the queries PostgreSQL received during the runs (counted on the wire). Last line: RESULT {...}.
// Options: --skip-build (reuse .next), --fresh (recreate the benchmark database), --seconds N.
import "../load-env";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { seedBulkForumPosts } from "../../prisma/seed-forum-bulk";
import { startPgWireProxy, viaProxy } from "../db/pg-wire-proxy";
import { freePort } from "../test-env";
import { prepareBenchDatabase } from "./bench-database";
import { ensureTools, runAsync, runWrk, startServer, type LoadResult } from "./load";
import { startTopology } from "./topology";

const { values } = parseArgs({ options: { "skip-build": { type: "boolean" }, fresh: { type: "boolean" }, seconds: { type: "string" } } });
const SECONDS = Number(values.seconds ?? 20);
const CONNECTIONS = 100;
const POSTS = 10_000;
const INCIDENT = "subscriber-data-loss";

ensureTools();
const url = await prepareBenchDatabase({ fresh: values.fresh });
const pool = new pg.Pool({ connectionString: url, max: 2 });
const incident = (await pool.query<{ id: number; posts: string }>(`SELECT i.id, (SELECT count(*) FROM "ForumPost" p WHERE p."incidentId" = i.id) AS posts FROM "Incident" i WHERE slug = $1`, [INCIDENT])).rows[0];
if (!incident) throw new Error(`the benchmark database has no incident ${INCIDENT}; run with --fresh`);
if (Number(incident.posts) < POSTS) {
  console.log(`Adding ${(POSTS - Number(incident.posts)).toLocaleString("en-US")} Q&A posts to ${INCIDENT}…`);
  await seedBulkForumPosts(pool, INCIDENT, POSTS - Number(incident.posts));
}
await pool.end();

const target = new URL(url);
const proxy = await startPgWireProxy({ host: target.hostname, port: Number(target.port || 5432) });
const env = {
  ...process.env,
  DATABASE_URL: viaProxy(url, proxy),
  NEXTAUTH_SECRET: "aftercare-bench-secret-aftercare-bench-secret",
  GIFT_CODE_KEY: Buffer.alloc(32, 9).toString("base64"),
  SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:9",
  NEXT_TELEMETRY_DISABLED: "1",
};
if (!values["skip-build"]) {
  console.log("Building…");
  // Not spawnSync: the build reaches the database through the proxy running in this process.
  const build = await runAsync("node_modules/.bin/next", ["build"], env);
  if (build.code !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

const PAGES = [
  { name: "status page", path: "/", marker: "Services" },
  { name: `incident page (${POSTS.toLocaleString("en-US")} posts)`, path: `/incidents/${INCIDENT}`, marker: "Updates" },
];
const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-status-"));
chmodSync(tmp, 0o755);
const fmt = (r: LoadResult) => `${Math.round(r.rps).toLocaleString("en-US").padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms${r.errors ? `  ERRORS ${r.errors}` : ""}`;
// Every request with a query string of its own: a cache keyed on the raw URL would miss every time.
const RANDOM_QUERY = path.join(tmp, "random-query.lua");
writeFileSync(RANDOM_QUERY, `math.randomseed(os.time())\nrequest = function()\n  return wrk.format("GET", wrk.path .. "?x=" .. math.random(1, 1000000000))\nend\n`);

/** Visits until the edge answers from its cache with the current page. */
async function warm(base: string, pagePath: string, marker: string): Promise<Buffer> {
  for (let i = 0; ; i++) {
    const response = await fetch(base + pagePath);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.ok && body.includes(marker) && response.headers.get("x-cache-status") === "HIT") return body;
    if (i > 200) throw new Error(`${pagePath} never became a cache hit at the edge (last: ${response.status} ${response.headers.get("x-cache-status")})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Run {
  page: string;
  instances: number;
  random: boolean;
  load: LoadResult;
  /** The bare server's run on the same page just before this one. */
  baseline: LoadResult;
  queries: number;
}

// The baseline: a bare Node http server answering with the exact bytes the edge serves for the
// page, measured just before the edge's runs on that page, so both see the same machine. On a shared
// two-core machine two 20-second runs of the same server minutes apart differ by up to a fifth.
async function bareServer(bytes: Buffer) {
  const file = path.join(tmp, `page-${randomUUID()}.html`);
  writeFileSync(file, bytes);
  const port = await freePort();
  const script = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(${port},"127.0.0.1")`;
  const url = `http://127.0.0.1:${port}/`;
  const { stop } = await startServer(process.execPath, ["-e", script], process.env, url);
  return { url, stop };
}

const runs: Run[] = [];
console.log(`\n${CONNECTIONS} connections × ${SECONDS} s per run (wrk), through nginx, each page after the same load on a bare Node server\n`);
for (const instances of [1, 2]) {
  const topology = await startTopology({ env, webInstances: instances });
  try {
    for (const page of PAGES) {
      await warm(topology.base, page.path, page.marker);
      // Three seconds of the same load first, unmeasured: the instances finish starting up (their
      // first background refreshes, which replace the page prerendered by the build) and nginx's
      // workers open their upstream connections. The bare server then gets the page as it is now.
      await runWrk(topology.base + page.path, { connections: CONNECTIONS, seconds: 3 });
      const bytes = await warm(topology.base, page.path, page.marker);
      const bare = await bareServer(bytes);
      await runWrk(bare.url, { connections: CONNECTIONS, seconds: 3 });
      const baseline = await runWrk(bare.url, { connections: CONNECTIONS, seconds: SECONDS });
      await bare.stop();
      console.log(`${"bare node".padEnd(12)} ${page.name.padEnd(40)} ${fmt(baseline)}  (${bytes.length.toLocaleString("en-US")} bytes)`);
      await runWrk(topology.base + page.path, { connections: CONNECTIONS, seconds: 3 });
      for (const random of [false, true]) {
        proxy.reset();
        const load = await runWrk(topology.base + page.path, { connections: CONNECTIONS, seconds: SECONDS, script: random ? RANDOM_QUERY : undefined });
        const queries = proxy.queries();
        const label = `${instances} instance${instances > 1 ? "s" : " "}`;
        console.log(`${label.padEnd(12)} ${(page.name + (random ? " ?x=random" : "")).padEnd(40)} ${fmt(load)}  db queries ${queries}`);
        runs.push({ page: page.path, instances, random, load, baseline, queries });
      }
      // Random query strings must not have evicted the page or sent it to Next.js for each request.
      const after = await fetch(`${topology.base}${page.path}?x=${Math.random()}`);
      const served = (await after.arrayBuffer()).byteLength;
      console.log(`${"".padEnd(12)} after the random run: ${page.path}?x=… is a ${after.headers.get("x-cache-status")}, ${served.toLocaleString("en-US")} bytes`);
    }
  } finally {
    await topology.stop();
  }
}
await proxy.close();
rmSync(tmp, { recursive: true, force: true });

const ratioOf = (r: Run) => r.load.rps / r.baseline.rps;
const pick = (instances: number, page: string, random = false) => runs.find((r) => r.instances === instances && r.page === page && r.random === random)!;
console.log("\nthrough nginx / bare node just before:");
for (const r of runs) console.log(`  ${r.instances} instance(s) ${r.page}${r.random ? " ?x=random" : ""}: ${ratioOf(r).toFixed(3)}`);
const figures = (instances: number) => {
  const mine = runs.filter((r) => r.instances === instances);
  return {
    status_rps: Math.round(pick(instances, "/").load.rps),
    incident_rps: Math.round(pick(instances, `/incidents/${INCIDENT}`).load.rps),
    random_query_rps: Math.round(Math.min(...mine.filter((r) => r.random).map((r) => r.load.rps))),
    ratio: +Math.min(...mine.map(ratioOf)).toFixed(3),
    p99_ms: +Math.max(...mine.map((r) => r.load.p99)).toFixed(1),
    db_queries: mine.reduce((sum, r) => sum + r.queries, 0),
    errors: mine.reduce((sum, r) => sum + r.load.errors, 0),
    baseline_rps: Math.round(pick(instances, "/").baseline.rps),
  };
};
const one = figures(1);
const two = figures(2);
console.log(`RESULT ${JSON.stringify({ ...one, two_instances: two })}`);
process.exit(0);
