// `npm run db:backup`: a pg_dump (or, for the embedded database, a PGlite data-directory dump)
// and its manifest in BACKUP_DIR. See README "Backups and recovery".
import "../load-env";
import path from "node:path";
import pg from "pg";
import { createBackup, embeddedBackupSource } from "../../lib/backup/backups";
import { serverBackupSource } from "../../lib/backup/source";
import { DEFAULT_DATA_DIR, DEFAULT_PORT, embeddedUrl } from "./embedded";

const dir = path.resolve(process.env.BACKUP_DIR ?? ".aftercare/backups");

async function embeddedIsServed(): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedUrl(DEFAULT_PORT), connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

try {
  let source;
  if (process.env.DATABASE_URL) source = serverBackupSource(process.env.DATABASE_URL);
  else {
    // PGlite has one owner per data directory: two processes on it would corrupt it.
    if (await embeddedIsServed()) {
      console.error(`The embedded database is being served on port ${DEFAULT_PORT} (npm run dev). Stop it, then run npm run db:backup again.`);
      process.exit(1);
    }
    source = embeddedBackupSource(DEFAULT_DATA_DIR);
  }
  const started = Date.now();
  const { file, manifest } = await createBackup(source, dir);
  console.log(`Backup: ${path.relative(process.cwd(), file)} (${(manifest.bytes / 1e6).toFixed(1)} MB, sha256 ${manifest.sha256.slice(0, 16)}…)`);
  console.log(`PostgreSQL ${manifest.postgresVersion}, schema ${manifest.schemaVersion ?? "(no migrations)"}; ${manifest.tables.length} tables, ${manifest.totalRows} rows`);
  console.log(`Took ${((Date.now() - started) / 1000).toFixed(1)} s. Verify it: npm run db:restore -- ${path.relative(process.cwd(), file)} --verify`);
  process.exit(0);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
