// Prisma's schema engine compiled to WebAssembly, driven through @prisma/adapter-pg.
// It applies migrations exactly like `prisma migrate deploy` (same `_prisma_migrations` table and
// checksums) without the native engine binary, which cannot be downloaded on every machine.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Discrete connection fields: the engine's shadow-database helper overrides `database`. */
export function pgConfigFromUrl(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1) || "postgres"),
  };
}

type Glue = { SchemaEngine: typeof SchemaEngine };
let loaded: Promise<Glue> | undefined;

// The glue module holds one WebAssembly instance; instantiating twice would swap it under live engines.
function loadWasm(): Promise<Glue> {
  loaded ??= instantiateWasm();
  return loaded;
}

async function instantiateWasm(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(gluePath);
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue as Glue;
}

interface ScriptAdapter {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}

/**
 * The pg adapter splits scripts on every ";", which breaks function bodies in migrations.
 * Send each migration as one simple-protocol query instead, as the native engine does.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const scriptable = adapter as unknown as ScriptAdapter;
    scriptable.executeScript = async (script: string) => {
      try {
        await scriptable.client.query(script);
      } catch (error) {
        scriptable.onError(error);
      }
    };
    return adapter;
  }
}

export async function openSchemaEngine(databaseUrl: string, schemaText?: string): Promise<SchemaEngine> {
  const { SchemaEngine: Engine } = await loadWasm();
  const text = schemaText ?? (await readFile(SCHEMA_PATH, "utf8"));
  const factory = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pgConfigFromUrl(databaseUrl)));
  const log = (line: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error("[schema-engine]", line);
  };
  return Engine.new({ datamodels: [[SCHEMA_PATH, text]] }, log, factory);
}

export async function readMigrationsList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Applies pending migrations (deploy semantics) and returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const engine = await openSchemaEngine(databaseUrl);
  try {
    const migrationsList = await readMigrationsList();
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that takes a database from schema `fromText` (or nothing) to schema `toText`. */
export async function diffSchemas(databaseUrl: string, fromText: string | null, toText: string): Promise<string> {
  const engine = await openSchemaEngine(databaseUrl, toText);
  try {
    const result = await engine.diff({
      from: fromText === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: fromText }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: toText }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
