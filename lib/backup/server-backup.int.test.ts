import { copyFile, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEmbeddedDatabase } from "@/lib/embedded-database";
import { createBackup, restoreBackupInto, verifyBackup } from "./backups";
import { BackupIntegrityError, compareSums, manifestPathFor, type BackupManifest } from "./manifest";
import { withDatabase } from "./run-tool";
import { currentSums, TargetNotEmpty } from "./server-restore";

const url = process.env.DATABASE_URL ?? "";
// The embedded database's own round trip is in embedded-backup.int.test.ts.
const onServer = url !== "" && !isEmbeddedDatabase(url);

async function sql(target: string, text: string) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the backup (and its manifest) that a test may damage. */
async function copyBackup(file: string, dir: string, name: string): Promise<string> {
  const copy = path.join(dir, name);
  await copyFile(file, copy);
  await copyFile(manifestPathFor(file), manifestPathFor(copy));
  return copy;
}

describe.skipIf(!onServer)("pg_dump backup, verified by restore", () => {
  let dir: string;
  let file: string;
  let manifest: BackupManifest;
  const empty = `aftercare_restore_target_${process.pid}`;
  const emptyUrl = withDatabase(url, empty);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "aftercare-backup-"));
    ({ file, manifest } = await createBackup({ kind: "server", url }, dir));
    await sql(url, `DROP DATABASE IF EXISTS "${empty}" WITH (FORCE)`);
    await sql(url, `CREATE DATABASE "${empty}"`);
  }, 120_000);

  afterAll(async () => {
    await sql(url, `DROP DATABASE IF EXISTS "${empty}" WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  });

  it("records every table of the seeded database with its rows, and the versions", () => {
    const users = manifest.tables.find((t) => t.table === 'public."User"');
    expect(users?.rows).toBeGreaterThanOrEqual(200);
    expect(manifest.tables.map((t) => t.table)).toContain('public."AuditLog"');
    expect(manifest.schemaVersion).toMatch(/^\d{14}_/);
    expect(manifest.postgresVersion).toMatch(/^\d+\.\d+/);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("restores into a scratch database whose every table matches the manifest, then drops it", async () => {
    const result = await verifyBackup(file, { serverUrl: url });
    expect(result.ok).toBe(true);
    expect(result.checks).toHaveLength(manifest.tables.length);
    const scratch = await sql(url, `SELECT datname FROM pg_database WHERE datname LIKE 'aftercare_verify_%_${process.pid}'`);
    expect(scratch).toEqual([]);
  }, 120_000);

  it("reports a file with one flipped byte before restoring anything", async () => {
    const copy = await copyBackup(file, dir, "flipped.dump");
    const bytes = await readFile(copy);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    await writeFile(copy, bytes);
    await expect(verifyBackup(copy, { serverUrl: url })).rejects.toThrow(/SHA-256 .* corrupted/);
    await expect(restoreBackupInto(copy, emptyUrl)).rejects.toBeInstanceOf(BackupIntegrityError);
    expect(await sql(emptyUrl, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
  });

  it("reports a truncated file before restoring anything", async () => {
    const copy = await copyBackup(file, dir, "truncated.dump");
    await truncate(copy, manifest.bytes - 100);
    await expect(restoreBackupInto(copy, emptyUrl)).rejects.toThrow(/truncated/);
    expect(await sql(emptyUrl, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
  });

  it("restores for real into an empty database, and then refuses it as a non-empty target", async () => {
    const restored = await restoreBackupInto(file, emptyUrl);
    expect(restored.ok).toBe(true);
    await expect(restoreBackupInto(file, emptyUrl)).rejects.toBeInstanceOf(TargetNotEmpty);

    // One changed row, same row count: only the checksum can tell, and it does.
    await sql(emptyUrl, `UPDATE "Component" SET name = name || '.' WHERE id = (SELECT min(id) FROM "Component")`);
    const checks = compareSums(manifest.tables, await currentSums(emptyUrl));
    expect(checks.filter((c) => !c.ok)).toEqual([{ table: 'public."Component"', expectedRows: expect.any(Number), foundRows: expect.any(Number), ok: false }]);
    const component = checks.find((c) => c.table === 'public."Component"')!;
    expect(component.foundRows).toBe(component.expectedRows);
  }, 120_000);
});
