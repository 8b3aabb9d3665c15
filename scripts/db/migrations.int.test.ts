import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffSchemas, readMigrationsList, SCHEMA_PATH } from "./schema-engine";
import { SNAPSHOT_PATH } from "./snapshot";

describe("migrations", () => {
  it("cover every change in prisma/schema.prisma (run npm run db:migration -- <name> if this fails)", async () => {
    expect(existsSync(SNAPSHOT_PATH)).toBe(true);
    const sql = await diffSchemas(process.env.DATABASE_URL!, readFileSync(SNAPSHOT_PATH, "utf8"), readFileSync(SCHEMA_PATH, "utf8"));
    expect(sql.replace(/--.*$/gm, "").trim()).toBe("");
  });

  it("are in Prisma's folder layout with a lock file", async () => {
    const list = await readMigrationsList();
    expect(list.lockfile.content).toContain('provider = "postgresql"');
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) expect(dir.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("apply with deploy semantics: a second run applies nothing", async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });
});
