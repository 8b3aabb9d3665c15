import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { databaseVersions, STABLE_TEXT_SETTINGS, tableSums, type Query } from "./checksums";
import { checkFileIntegrity, compareSums, completeManifest, type BackupManifest, type TableCheck } from "./manifest";
import { backupStamp } from "./server-backup";
import { TargetNotEmpty } from "./server-restore";

// PGlite is loaded only by the embedded path, never by a server-backed worker or the web app.
async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(options);
}

const pgliteQuery = (db: PGlite): Query => async <R,>(sql: string) => (await db.query<R>(sql)).rows;

async function sumsOf(db: PGlite) {
  for (const setting of STABLE_TEXT_SETTINGS) await db.exec(setting);
  return { tables: await tableSums(pgliteQuery(db)), versions: await databaseVersions(pgliteQuery(db)) };
}

/**
 * The embedded database's backup is PGlite's own data-directory dump (a gzipped tarball that
 * `loadDataDir` restores). PGlite has one owner per data directory, so this opens the directory
 * itself: the embedded server (`npm run dev`) must be stopped first. With nobody else connected,
 * the sums and the tarball are the same state.
 */
export async function backupEmbedded({ dataDir, dir, at = new Date() }: { dataDir: string; dir: string; at?: Date }): Promise<{ file: string; manifest: BackupManifest }> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`${dataDir} is not an embedded database data directory`);
  await mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `aftercare-${backupStamp(at)}.pglite.tar.gz`);
  const db = await openPglite({ dataDir });
  try {
    const { tables, versions } = await sumsOf(db);
    const tarball = await db.dumpDataDir("gzip");
    await writeFile(`${file}.partial`, Buffer.from(await tarball.arrayBuffer()));
    await rename(`${file}.partial`, file);
    return { file, manifest: await completeManifest(file, { kind: "pglite-datadir", at, tables, versions }) };
  } finally {
    await db.close();
  }
}

/** Loads the tarball into an in-memory PGlite (the scratch database) and recomputes every sum. */
export async function verifyEmbeddedBackup({ file, manifest }: { file: string; manifest: BackupManifest }): Promise<TableCheck[]> {
  await checkFileIntegrity(file, manifest);
  const db = await openPglite({ loadDataDir: new Blob([await readFile(file)]) });
  try {
    return compareSums(manifest.tables, (await sumsOf(db)).tables);
  } finally {
    await db.close();
  }
}

/** Restores into a data directory (for the embedded server to serve), refusing a non-empty one unless `force`. */
export async function restoreEmbeddedBackupInto({ file, manifest, dataDir, force }: { file: string; manifest: BackupManifest; dataDir: string; force: boolean }): Promise<TableCheck[]> {
  await checkFileIntegrity(file, manifest);
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    if (!force) throw new TargetNotEmpty(`${dataDir} is not empty; restore into a new directory, or pass --force to replace it`);
    await rm(dataDir, { recursive: true, force: true });
  }
  await mkdir(dataDir, { recursive: true });
  const db = await openPglite({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
  try {
    return compareSums(manifest.tables, (await sumsOf(db)).tables);
  } finally {
    await db.close();
  }
}
