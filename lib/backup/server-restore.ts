import os from "node:os";
import pg from "pg";
import { STABLE_TEXT_SETTINGS, tableSums } from "./checksums";
import { checkFileIntegrity, compareSums, type BackupManifest, type TableCheck } from "./manifest";
import { libpqUrl, runTool, withDatabase } from "./run-tool";
import { pgQuery } from "./server-backup";

export class TargetNotEmpty extends Error {
  override name = "TargetNotEmpty";
}

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "aftercare-restore" });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function restoreFile(file: string, targetUrl: string): Promise<void> {
  // Parallel jobs need a seekable custom-format file, which a backup always is.
  const jobs = String(Math.max(1, Math.min(4, os.availableParallelism())));
  await runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--jobs=${jobs}`, `--dbname=${libpqUrl(targetUrl)}`, file]);
}

async function sumsOf(url: string) {
  return withClient(url, async (client) => {
    for (const setting of STABLE_TEXT_SETTINGS) await client.query(setting);
    return tableSums(pgQuery(client));
  });
}

/**
 * Restores into a fresh scratch database on `serverUrl`'s server, recomputes every table's sums
 * and drops the scratch database again. The file's SHA-256 is checked before anything is created.
 */
export async function verifyServerBackup({ file, manifest, serverUrl }: { file: string; manifest: BackupManifest; serverUrl: string }): Promise<TableCheck[]> {
  await checkFileIntegrity(file, manifest);
  const scratch = `aftercare_verify_${Date.now()}_${process.pid}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${scratch}" TEMPLATE template0`));
  try {
    const scratchUrl = withDatabase(serverUrl, scratch);
    await restoreFile(file, scratchUrl);
    return compareSums(manifest.tables, await sumsOf(scratchUrl));
  } finally {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
  }
}

/** A database with any table of its own counts as in use. */
async function userTableCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
  return Number(rows[0]!.n);
}

/**
 * Restores for real into `targetUrl`, then verifies it like `verifyServerBackup`. Refuses a target
 * that has tables unless `force`, which first drops and recreates its public schema.
 */
export async function restoreServerBackupInto({ file, manifest, targetUrl, force }: { file: string; manifest: BackupManifest; targetUrl: string; force: boolean }): Promise<TableCheck[]> {
  await checkFileIntegrity(file, manifest);
  await withClient(targetUrl, async (client) => {
    const tables = await userTableCount(client);
    if (tables === 0) return;
    if (!force) throw new TargetNotEmpty(`The target database already has ${tables} table(s); restore into an empty database, or pass --force to replace its public schema`);
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
    if (await userTableCount(client)) throw new TargetNotEmpty("The target database has tables outside the public schema; --force replaces only public");
  });
  await restoreFile(file, targetUrl);
  return compareSums(manifest.tables, await sumsOf(targetUrl));
}

/** Every table's sums as the database at `url` holds them now. */
export const currentSums = sumsOf;
