// `npm run bench:backup`: db:backup and verification by restore on the benchmark database
// (1M subscribers × 6 categories, with history; see bench-database.ts). Targets: backup ≤ 60 s,
// verify ≤ 180 s, peak RSS of the Node process ≤ 200 MB. Last line: RESULT {...}.
import "../load-env";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareBenchDatabase } from "./bench-database";
import { ensureBenchHistory } from "./bench-history";

const url = await prepareBenchDatabase();
const events = await ensureBenchHistory(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
const size = Number((await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes")).rows[0]!.bytes);
await client.end();
console.log(`Benchmark database: ${(size / 1e6).toFixed(0)} MB on disk, ${events.toLocaleString("en-US")} restoration history events`);

const dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-backup-"));
try {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/backup-once.ts", url, dir], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    console.error(run.stdout);
    process.exit(run.status ?? 1);
  }
  const r = JSON.parse(run.stdout.trim().split("\n").pop()!) as { backupS: number; verifyS: number; bytes: number; tables: number; rows: number; ok: boolean; rssMb: number };
  const mb = r.bytes / 1e6;
  console.log(`Backup: ${r.backupS.toFixed(1)} s, ${mb.toFixed(0)} MB (${r.tables} tables, ${r.rows.toLocaleString("en-US")} rows)   target ≤ 60 s`);
  console.log(`Verify by restore: ${r.verifyS.toFixed(1)} s, ${r.ok ? "every table matches" : "MISMATCH"}   target ≤ 180 s`);
  console.log(`Peak RSS of the Node process: ${r.rssMb.toFixed(0)} MB   target ≤ 200 MB (pg_dump and pg_restore are separate processes)`);
  const result = { backup_s: +r.backupS.toFixed(1), backup_mb: +mb.toFixed(1), verify_s: +r.verifyS.toFixed(1), peak_rss_mb: Math.round(r.rssMb) };
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exitCode = r.ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
