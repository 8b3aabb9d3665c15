// `npm run bench:import`: a 1M-row restoration batch through the same importBatch() the upload
// and the API use, against benchmark-sized data (1M subscribers × 6 categories); compared with a
// bare `psql \copy` of the same file; then "My recovery" (page and data) under 50 concurrent connections.
// Uses BENCH_DATABASE_URL, else DATABASE_URL (a PostgreSQL server; PGlite is not a benchmark target).
// Options: --fresh (recreate the benchmark database), --skip-build (reuse .next for the /me part).
import "../load-env";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareBenchDatabase } from "./bench-database";
import { benchMe } from "./me-load";

const url = await prepareBenchDatabase();
// The /me part runs the production server: build it first, so a failing build costs no import run.
if (!process.argv.includes("--skip-build") || !existsSync(".next/BUILD_ID")) {
  console.log("Building the production server…");
  const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-"));
const file = path.join(tmp, "batch.csv");
const client = new pg.Client({ connectionString: url });
await client.connect();

// A realistic batch: the recovery pipeline moves ROWS records one legal step forward.
console.log(`Generating a ${ROWS.toLocaleString("en-US")}-row CSV from the current records…`);
const nextStep = `CASE r.state WHEN 'AFFECTED' THEN 'RECOVERED' WHEN 'RECOVERED' THEN 'VALIDATED' WHEN 'VALIDATED' THEN 'RESTORING'
  WHEN 'RESTORING' THEN 'RESTORED' ELSE r.state::text END`;
const exportSql = `COPY (
  SELECT u."accountRef", c.slug, ${nextStep},
         r."itemsLost",
         CASE WHEN r.state IN ('AFFECTED') THEN r."itemsLost" ELSE r."itemsRecovered" END,
         CASE WHEN r.state = 'RESTORING' THEN r."itemsRecovered" WHEN r.state = 'VALIDATED' THEN r."itemsRecovered" / 3 ELSE r."itemsRestored" END,
         to_char((now() AT TIME ZONE 'UTC') - interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM "RestorationRecord" r JOIN "User" u ON u.id = r."userId" JOIN "DataCategory" c ON c.id = r."categoryId"
  WHERE u.email LIKE '%@bulk.example' AND r.state IN ('AFFECTED', 'RECOVERED', 'VALIDATED', 'RESTORING', 'RESTORED', 'NOT_AFFECTED', 'UNRECOVERABLE', 'PARTIAL')
  LIMIT ${ROWS}
) TO STDOUT WITH (FORMAT csv, HEADER false)`;
const header = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
const psqlExport = spawnSync("bash", ["-c", `{ echo '${header}'; psql "${url}" -qAt -c "${exportSql.replace(/"/g, '\\"').replace(/\n/g, " ")}"; } > ${file}`], { stdio: "inherit" });
if (psqlExport.status !== 0) process.exit(1);
const sizeMb = statSync(file).size / 1024 / 1024;
console.log(`CSV: ${sizeMb.toFixed(1)} MB`);

// Measured in a steady state: a fresh seed leaves autovacuum busy for minutes on both cores.
await client.query('VACUUM (ANALYZE) "User", "RestorationRecord", "RestorationEvent"');

const incident = (await client.query<{ slug: string }>(`SELECT slug FROM "Incident" WHERE slug = 'subscriber-data-loss'`)).rows[0]!.slug;
const staff = (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE role = 'ADMIN' LIMIT 1`)).rows[0]!;

// The import itself, in a child process so its peak RSS is its own.
const importRun = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/import-once.ts", file, incident, staff.id, staff.email], { encoding: "utf8", env: process.env, stdio: ["ignore", "pipe", "inherit"] });
if (importRun.status !== 0) {
  console.error(importRun.stdout);
  process.exit(1);
}
const imported = JSON.parse(importRun.stdout.trim().split("\n").pop()!) as { seconds: number; rssMb: number; status: string; changedRows: number; rejectedRows: number; totalRows: number };
console.log(`Import: ${imported.totalRows.toLocaleString("en-US")} rows, ${imported.changedRows.toLocaleString("en-US")} records changed, ${imported.rejectedRows} rejected, status ${imported.status}`);
console.log(`Import: ${imported.seconds.toFixed(1)} s, ${(imported.totalRows / imported.seconds).toFixed(0)} rows/s, peak RSS ${imported.rssMb.toFixed(0)} MB`);

// What the email worker does next with the batch's email job (not part of the import's time).
{
  const { disconnectDb, pgPool } = await import("../../lib/db");
  const { expandFanouts } = await import("../../lib/notifications/fanout/expand-fanouts");
  const started = performance.now();
  let told = "";
  await expandFanouts(pgPool(), (line) => (told = line));
  console.log(`Email worker afterwards: ${told || "nothing to expand"} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await disconnectDb();
}

// Baseline: the same bytes into an unindexed staging table with psql \copy.
await client.query("DROP TABLE IF EXISTS bench_copy_staging");
await client.query("CREATE UNLOGGED TABLE bench_copy_staging (ref text, category text, state text, lost int, recovered int, restored int, as_of timestamptz)");
const copyStarted = Date.now();
const copy = spawnSync("psql", [url, "-qc", `\\copy bench_copy_staging FROM '${file}' WITH (FORMAT csv, HEADER true)`], { stdio: "inherit" });
const copySeconds = (Date.now() - copyStarted) / 1000;
await client.query("DROP TABLE bench_copy_staging");
if (copy.status !== 0) process.exit(1);
const ratio = copySeconds / imported.seconds;
console.log(`psql \\copy of the same file: ${copySeconds.toFixed(1)} s → ratio ${ratio.toFixed(2)} (copy time / import time)`);
await client.end();
rmSync(tmp, { recursive: true, force: true });

const me = await benchMe(url);
console.log(`/me (page and data in turn) with 50 connections for 20 s: ${me.rps.toFixed(0)} req/s, p50 ${me.p50} ms, p99 ${me.p99} ms, errors ${me.errors}`);

console.log(
  `RESULT ${JSON.stringify({ import_s: +imported.seconds.toFixed(2), rows_per_s: Math.round(imported.totalRows / imported.seconds), peak_rss_mb: Math.round(imported.rssMb), copy_ratio: +ratio.toFixed(3), me_p99_ms: me.p99 })}`,
);
process.exit(0);
