// `npm run bench:status`: the public side under a spike. On the benchmark-sized database (1M
// subscribers) and an incident whose Q&A holds 10,000 posts, 100 connections for 20 s on `/` and
// on that incident page against (a) the production server `npm start` (Next.js behind its
// micro-cache) and (b) plain `next start`; the same load against a bare Node http server sending
// the same bytes; the queries PostgreSQL received during the cached runs (counted on the wire);
// then the static mirror served by Debian's nginx. Last line: RESULT {...}.
// Options: --skip-build (reuse .next), --fresh (recreate the benchmark database), --seconds N.
import "../load-env";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { publishMirror } from "../../lib/public/publish-mirror";
import { seedBulkForumPosts } from "../../prisma/seed-forum-bulk";
import { startPgWireProxy, viaProxy } from "../db/pg-wire-proxy";
import { freePort } from "../test-env";
import { prepareBenchDatabase } from "./bench-database";
import { ensureTools, runAsync, runWrk, startServer, type LoadResult } from "./load";

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
  STATUS_MIRROR_DIR: "",
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
chmodSync(tmp, 0o755); // nginx's workers run as an unprivileged user and must read the mirror
const fmt = (r: LoadResult) => `${Math.round(r.rps).toLocaleString("en-US").padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms${r.errors ? `  ERRORS ${r.errors}` : ""}`;

/** Visits until the page is cached and current, so the measured run only sees cached answers. */
async function warm(base: string, pagePath: string, marker: string): Promise<Buffer> {
  for (let i = 0; ; i++) {
    const response = await fetch(base + pagePath);
    const body = Buffer.from(await response.arrayBuffer());
    const state = response.headers.get("x-aftercare-cache") ?? response.headers.get("x-nextjs-cache");
    if (response.ok && body.includes(marker) && (state === "HIT" || (i > 3 && state !== "STALE"))) return body;
    if (i > 200) throw new Error(`${pagePath} never became a cache hit (last: ${response.status} ${state})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function measureServer(label: string, command: string, args: (port: number) => string[]) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(command, args(port), { ...env, NEXTAUTH_URL: base }, `${base}/api/v1/status`);
  const results: { page: string; bytes: Buffer; load: LoadResult; queries: number }[] = [];
  try {
    for (const page of PAGES) {
      const bytes = await warm(base, page.path, page.marker);
      await warm(base, page.path, page.marker);
      proxy.reset();
      const load = await runWrk(base + page.path, { connections: CONNECTIONS, seconds: SECONDS });
      const queries = proxy.queries();
      console.log(`${label.padEnd(12)} ${page.name.padEnd(30)} ${fmt(load)}  db queries ${queries}`);
      results.push({ page: page.path, bytes, load, queries });
    }
    return { results, base, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

console.log(`\n${CONNECTIONS} connections × ${SECONDS} s per run (wrk)\n`);
const plain = await measureServer("next start", "node_modules/.bin/next", (port) => ["start", "--port", String(port), "--hostname", "127.0.0.1"]);
await plain.stop();
const app = await measureServer("npm start", process.execPath, (port) => ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--hostname", "127.0.0.1"]);

// Baseline: a bare Node http server answering with the exact bytes each page had.
const baseline: LoadResult[] = [];
for (const [i, result] of app.results.entries()) {
  const file = path.join(tmp, `page-${i}.html`);
  writeFileSync(file, result.bytes);
  const port = await freePort();
  const script = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(${port},"127.0.0.1")`;
  const bare = await startServer(process.execPath, ["-e", script], process.env, `http://127.0.0.1:${port}/`);
  const load = await runWrk(`http://127.0.0.1:${port}/`, { connections: CONNECTIONS, seconds: SECONDS });
  await bare.stop();
  console.log(`${"bare node".padEnd(12)} ${PAGES[i]!.name.padEnd(30)} ${fmt(load)}  (${result.bytes.length.toLocaleString("en-US")} bytes)`);
  baseline.push(load);
}

// The static mirror, published from the running app, behind nginx (one worker, like the one
// Node process it is compared with).
const mirrorRoot = path.join(tmp, "mirror");
const published = await publishMirror({ origin: app.base, root: mirrorRoot, staticDir: path.join(process.env.NEXT_DIST_DIR || ".next", "static") });
await app.stop();
console.log(`\nStatic mirror: ${published.documents} documents published in ${published.ms} ms`);
const nginxPort = await freePort();
const serverBlock = readFileSync("docs/nginx-status-mirror.conf", "utf8")
  .replace("listen 8080;", `listen 127.0.0.1:${nginxPort};`)
  .replace("/srv/aftercare-mirror/current", path.join(mirrorRoot, "current"));
writeFileSync(path.join(tmp, "server.conf"), serverBlock);
writeFileSync(
  path.join(tmp, "nginx.conf"),
  `worker_processes 1;\ndaemon off;\npid ${tmp}/nginx.pid;\nerror_log ${tmp}/error.log;\nevents { worker_connections 4096; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 1000000;\n  client_body_temp_path ${tmp}/body;\n  proxy_temp_path ${tmp}/proxy;\n  fastcgi_temp_path ${tmp}/fastcgi;\n  uwsgi_temp_path ${tmp}/uwsgi;\n  scgi_temp_path ${tmp}/scgi;\n  include ${tmp}/server.conf;\n}\n`,
);
const nginx = await startServer("/usr/sbin/nginx", ["-c", path.join(tmp, "nginx.conf"), "-p", tmp], process.env, `http://127.0.0.1:${nginxPort}/`);
const mirror: LoadResult[] = [];
try {
  for (const page of PAGES) {
    const response = await fetch(`http://127.0.0.1:${nginxPort}${page.path}`);
    const body = await response.text();
    if (!body.includes(page.marker)) throw new Error(`the mirror's ${page.path} is not the page (${response.status}): ${body.slice(0, 300)}`);
    const load = await runWrk(`http://127.0.0.1:${nginxPort}${page.path}`, { connections: CONNECTIONS, seconds: SECONDS });
    console.log(`${"nginx mirror".padEnd(12)} ${page.name.padEnd(30)} ${fmt(load)}`);
    mirror.push(load);
  }
} finally {
  await nginx.stop();
  await proxy.close();
  rmSync(tmp, { recursive: true, force: true });
}

const ratios = app.results.map((r, i) => r.load.rps / baseline[i]!.rps);
const plainRatios = plain.results.map((r, i) => r.load.rps / baseline[i]!.rps);
const mirrorRatios = mirror.map((m, i) => m.rps / baseline[i]!.rps);
console.log(`\nnpm start / bare node: ${ratios.map((r) => r.toFixed(3)).join(", ")}   (plain next start: ${plainRatios.map((r) => r.toFixed(3)).join(", ")})`);
console.log(`nginx mirror / bare node: ${mirrorRatios.map((r) => r.toFixed(3)).join(", ")}`);
console.log(`database queries during the cached runs: npm start ${app.results.reduce((s, r) => s + r.queries, 0)}, next start ${plain.results.reduce((s, r) => s + r.queries, 0)}`);
console.log(
  `RESULT ${JSON.stringify({
    status_rps: Math.round(app.results[0]!.load.rps),
    incident_rps: Math.round(app.results[1]!.load.rps),
    baseline_rps: Math.round(baseline[0]!.rps),
    ratio: +Math.min(...ratios).toFixed(3),
    p99_ms: +Math.max(...app.results.map((r) => r.load.p99)).toFixed(1),
    db_queries: app.results.reduce((s, r) => s + r.queries, 0),
    mirror_ratio: +Math.min(...mirrorRatios).toFixed(3),
    next_start_ratio: +Math.min(...plainRatios).toFixed(3),
  })}`,
);
process.exit(0);
