// Restoration history for the benchmark database: the seed writes records without events, so a
// backup benchmark on it alone would skip the table that grows fastest in production. This runs
// one real 1M-row import (records one legal step forward, as `npm run bench:import` does) through
// importBatch(), which appends the history events, unless the history is already there.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const NEXT_STEP = `CASE r.state WHEN 'AFFECTED' THEN 'RECOVERED' WHEN 'RECOVERED' THEN 'VALIDATED' WHEN 'VALIDATED' THEN 'RESTORING'
  WHEN 'RESTORING' THEN 'RESTORED' ELSE r.state::text END`;

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const countEvents = (client: pg.Client) => client.query<{ n: string }>(`SELECT count(*) AS n FROM "RestorationEvent"`).then((r) => Number(r.rows[0]!.n));

export async function ensureBenchHistory(url: string, { minEvents = 500_000, rows = 1_000_000 } = {}): Promise<number> {
  const have = await withClient(url, countEvents);
  if (have >= minEvents) return have;
  // No connection is held across the import: the synchronous child would leave it unserved.
  const { incident, staff } = await withClient(url, async (client) => ({
    incident: (await client.query<{ slug: string }>(`SELECT slug FROM "Incident" WHERE slug = 'subscriber-data-loss'`)).rows[0]!.slug,
    staff: (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE role = 'ADMIN' LIMIT 1`)).rows[0]!,
  }));
  console.log(`Adding restoration history (found ${have.toLocaleString("en-US")} events): one ${rows.toLocaleString("en-US")}-row import…`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-history-"));
  try {
    const file = path.join(tmp, "batch.csv");
    const exportSql = `COPY (
      SELECT u."accountRef", c.slug, ${NEXT_STEP}, r."itemsLost",
             CASE WHEN r.state = 'AFFECTED' THEN r."itemsLost" ELSE r."itemsRecovered" END,
             CASE WHEN r.state = 'RESTORING' THEN r."itemsRecovered" WHEN r.state = 'VALIDATED' THEN r."itemsRecovered" / 3 ELSE r."itemsRestored" END,
             to_char((now() AT TIME ZONE 'UTC') - interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
      FROM "RestorationRecord" r JOIN "User" u ON u.id = r."userId" JOIN "DataCategory" c ON c.id = r."categoryId"
      WHERE u.email LIKE '%@bulk.example' LIMIT ${rows}) TO STDOUT WITH (FORMAT csv, HEADER false)`;
    const header = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
    const exported = spawnSync("bash", ["-c", `{ echo '${header}'; psql "$BENCH_URL" -qAt -c "$EXPORT_SQL"; } > "${file}"`], {
      stdio: "inherit",
      env: { ...process.env, BENCH_URL: url, EXPORT_SQL: exportSql.replace(/\n/g, " ") },
    });
    if (exported.status !== 0) throw new Error("exporting the history batch failed");
    const imported = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/import-once.ts", file, incident, staff.id, staff.email], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: url },
    });
    if (imported.status !== 0) throw new Error("the history import failed");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return withClient(url, async (client) => {
    await client.query('VACUUM (ANALYZE) "RestorationRecord", "RestorationEvent"');
    return countEvents(client);
  });
}
