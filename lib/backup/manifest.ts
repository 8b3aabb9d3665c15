import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** One table as the backup saw it: its row count and an order-independent checksum of its rows. */
export interface TableSum {
  table: string;
  rows: number;
  checksum: string;
}

/** `pg_dump` custom format from a PostgreSQL server, or a PGlite data-directory tarball. */
export type BackupKind = "pg_dump" | "pglite-datadir";

/** Written beside each backup file (`<file>.manifest.json`), from the same snapshot as the file. */
export interface BackupManifest {
  format: "aftercare-backup/1";
  kind: BackupKind;
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  postgresVersion: string;
  /** The latest applied migration (`_prisma_migrations`), or null on a database without them. */
  schemaVersion: string | null;
  tables: TableSum[];
  totalRows: number;
}

export const manifestPathFor = (backupFile: string) => `${backupFile}.manifest.json`;

/** Accepts the backup file or its manifest; returns both paths. */
export function backupPaths(given: string): { file: string; manifest: string } {
  const file = given.endsWith(".manifest.json") ? given.slice(0, -".manifest.json".length) : given;
  return { file, manifest: manifestPathFor(file) };
}

export async function writeManifest(backupFile: string, manifest: BackupManifest): Promise<string> {
  const target = manifestPathFor(backupFile);
  await writeFile(target, `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}

/** Digests the finished backup file and writes its manifest beside it, with the snapshot's sums. */
export async function completeManifest(
  file: string,
  { kind, at, tables, versions }: { kind: BackupKind; at: Date; tables: TableSum[]; versions: { postgresVersion: string; schemaVersion: string | null } },
): Promise<BackupManifest> {
  const manifest: BackupManifest = {
    format: "aftercare-backup/1",
    kind,
    file: path.basename(file),
    ...(await fileDigest(file)),
    createdAt: at.toISOString(),
    ...versions,
    tables,
    totalRows: tables.reduce((sum, t) => sum + t.rows, 0),
  };
  await writeManifest(file, manifest);
  return manifest;
}

export async function readManifest(backupFile: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(manifestPathFor(backupFile), "utf8")) as BackupManifest;
  if (manifest.format !== "aftercare-backup/1") throw new Error(`${manifestPathFor(backupFile)}: not an Aftercare backup manifest`);
  return manifest;
}

/** Streams the file, so a multi-gigabyte dump never sits in memory. */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { bytes: (await stat(file)).size, sha256: hash.digest("hex") };
}

export class BackupIntegrityError extends Error {
  override name = "BackupIntegrityError";
}

/** A truncated or altered file is reported here, before anything is restored from it. */
export async function checkFileIntegrity(file: string, manifest: BackupManifest): Promise<void> {
  const found = await fileDigest(file);
  if (found.bytes !== manifest.bytes)
    throw new BackupIntegrityError(`${file} is ${found.bytes} bytes, the manifest says ${manifest.bytes}: the file is truncated or altered`);
  if (found.sha256 !== manifest.sha256)
    throw new BackupIntegrityError(`${file} has SHA-256 ${found.sha256}, the manifest says ${manifest.sha256}: the file is corrupted`);
}

export interface TableCheck {
  table: string;
  expectedRows: number | null;
  foundRows: number | null;
  ok: boolean;
}

/** Compares a restore's sums with the manifest's; a table missing on either side fails. */
export function compareSums(expected: TableSum[], found: TableSum[]): TableCheck[] {
  const byName = new Map(found.map((t) => [t.table, t]));
  const checks: TableCheck[] = expected.map((e) => {
    const f = byName.get(e.table);
    byName.delete(e.table);
    return { table: e.table, expectedRows: e.rows, foundRows: f?.rows ?? null, ok: !!f && f.rows === e.rows && f.checksum === e.checksum };
  });
  for (const f of byName.values()) checks.push({ table: f.table, expectedRows: null, foundRows: f.rows, ok: false });
  return checks;
}

/** The verification table: table / expected / found / ok. */
export function formatChecks(checks: TableCheck[]): string {
  const show = (n: number | null) => (n === null ? "missing" : String(n));
  const rows = checks.map((c) => [c.table, show(c.expectedRows), show(c.foundRows), c.ok ? "ok" : "MISMATCH"]);
  const all = [["table", "expected", "found", "ok"], ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}
