import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, restoreBackupInto, verifyBackup } from "./backups";
import { manifestPathFor, type BackupManifest } from "./manifest";
import { TargetNotEmpty } from "./server-restore";

// The embedded database a newcomer runs must round-trip too: PGlite's data-directory dump, loaded
// back into a scratch PGlite, with the same sums as the manifest.
describe("embedded database backup", () => {
  let dir: string;
  let file: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "aftercare-embedded-backup-"));
    const db = await PGlite.create({ dataDir: path.join(dir, "pgdata") });
    await db.exec(`
      CREATE TABLE "AuditLog" (id bigserial PRIMARY KEY, action text NOT NULL, after jsonb, "createdAt" timestamptz NOT NULL DEFAULT now());
      CREATE FUNCTION append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION append_only();
      CREATE TABLE "User" (id text PRIMARY KEY, email text UNIQUE NOT NULL, credit numeric(10, 2));
      INSERT INTO "User" SELECT 'u' || g, 'user' || g || '@example.com', g * 1.5 FROM generate_series(1, 500) g;
      INSERT INTO "AuditLog" (action, after) SELECT 'grant', jsonb_build_object('n', g) FROM generate_series(1, 300) g;
      CREATE TABLE _prisma_migrations (migration_name text, finished_at timestamptz, rolled_back_at timestamptz);
      INSERT INTO _prisma_migrations VALUES ('20261121202338_init', now(), null);`);
    await db.close();
    ({ file, manifest } = await createBackup({ kind: "embedded", dataDir: path.join(dir, "pgdata") }, dir));
  }, 180_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes a data-directory dump and a manifest from the same state", () => {
    expect(manifest.kind).toBe("pglite-datadir");
    expect(manifest.tables).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'public."User"', rows: 500 }), expect.objectContaining({ table: 'public."AuditLog"', rows: 300 })]),
    );
    expect(manifest.schemaVersion).toBe("20261121202338_init");
  });

  it("verifies by loading it into a scratch PGlite, and refuses a flipped byte before loading", async () => {
    const result = await verifyBackup(file);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);

    const bytes = await readFile(file);
    bytes[100] = bytes[100]! ^ 0x80;
    const damaged = path.join(dir, "damaged.pglite.tar.gz");
    await writeFile(damaged, bytes);
    await writeFile(manifestPathFor(damaged), await readFile(manifestPathFor(file)));
    await expect(verifyBackup(damaged)).rejects.toThrow(/corrupted/);
  }, 180_000);

  it("restores into a new data directory and refuses it afterwards as non-empty", async () => {
    const target = path.join(dir, "restored");
    expect((await restoreBackupInto(file, target)).ok).toBe(true);
    await expect(restoreBackupInto(file, target)).rejects.toBeInstanceOf(TargetNotEmpty);
    const db = await PGlite.create({ dataDir: target });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "User"')).rows).toEqual([{ n: 500 }]);
    await db.close();
  }, 180_000);
});
