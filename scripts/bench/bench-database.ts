// The benchmark database: BENCH_DATABASE_URL (else DATABASE_URL) on a PostgreSQL server, migrated
// and seeded with 1M subscribers × 6 categories once; `--fresh` starts over.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";

export const BENCH_SUBSCRIBERS = 1_000_000;

export async function prepareBenchDatabase({ fresh = process.argv.includes("--fresh") } = {}): Promise<string> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL database for the benchmark, e.g. postgresql://postgres@127.0.0.1:5432/aftercare_bench");
    process.exit(2);
  }
  process.env.DATABASE_URL = url;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  if (fresh || !exists) {
    if (!/^[a-z0-9_]+$/i.test(name) || name === "postgres") throw new Error(`the benchmark refuses to recreate database "${name}"`);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    console.log(`Created database ${name}.`);
  }
  await admin.end();
  await applyMigrations(url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const have = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE email LIKE '%@bulk.example'`)).rows[0]?.n ?? 0);
  await client.end();
  if (have < BENCH_SUBSCRIBERS) {
    console.log(`Seeding ${BENCH_SUBSCRIBERS.toLocaleString("en-US")} benchmark subscribers (found ${have.toLocaleString("en-US")})…`);
    const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts", "--subscribers", String(BENCH_SUBSCRIBERS)], { stdio: "inherit", env: process.env });
    if (seed.status !== 0) process.exit(seed.status ?? 1);
  }
  return url;
}
