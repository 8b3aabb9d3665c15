import { embeddedBackupSource, type BackupSource } from "./source";
import { backupEmbedded, restoreEmbeddedBackupInto, verifyEmbeddedBackup } from "./embedded-backup";
import { backupPaths, readManifest, type BackupManifest, type TableCheck } from "./manifest";
import { backupServer } from "./server-backup";
import { restoreServerBackupInto, verifyServerBackup } from "./server-restore";

export { embeddedBackupSource, type BackupSource };

/** Backs up the portal's database: a PostgreSQL server by URL, or the embedded data directory. */
export function createBackup(source: BackupSource, dir: string, at = new Date()): Promise<{ file: string; manifest: BackupManifest }> {
  return source.kind === "server" ? backupServer({ url: source.url, dir, at }) : backupEmbedded({ dataDir: source.dataDir, dir, at });
}

export interface VerifyResult {
  file: string;
  manifest: BackupManifest;
  checks: TableCheck[];
  ok: boolean;
}

/**
 * Verify by restore: SHA-256 first, then a restore into a scratch database (on `serverUrl`'s server
 * for a pg_dump file, in memory for an embedded one) whose sums must all match the manifest.
 */
export async function verifyBackup(given: string, { serverUrl }: { serverUrl?: string } = {}): Promise<VerifyResult> {
  const { file } = backupPaths(given);
  const manifest = await readManifest(file);
  let checks: TableCheck[];
  if (manifest.kind === "pglite-datadir") checks = await verifyEmbeddedBackup({ file, manifest });
  else {
    if (!serverUrl) throw new Error("Verifying a pg_dump backup needs a PostgreSQL server for the scratch database (BACKUP_VERIFY_URL or DATABASE_URL)");
    checks = await verifyServerBackup({ file, manifest, serverUrl });
  }
  return { file, manifest, checks, ok: checks.every((c) => c.ok) };
}

/** Restores for real into a database URL (pg_dump) or a data directory (embedded), then verifies it. */
export async function restoreBackupInto(given: string, target: string, { force = false } = {}): Promise<VerifyResult> {
  const { file } = backupPaths(given);
  const manifest = await readManifest(file);
  const checks =
    manifest.kind === "pglite-datadir"
      ? await restoreEmbeddedBackupInto({ file, manifest, dataDir: target, force })
      : await restoreServerBackupInto({ file, manifest, targetUrl: target, force });
  return { file, manifest, checks, ok: checks.every((c) => c.ok) };
}
