// Generates the Prisma client at install time without network access.
// `prisma generate` insists on locating the native schema engine even though it never runs it;
// where none is installed, point it at an existing file (this Node binary) for this one command.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const require = createRequire(import.meta.url);
  let hasNative = false;
  try {
    const dir = require.resolve("@prisma/engines/package.json").replace(/package\.json$/, "");
    hasNative = existsSync(dir) && (await import("node:fs")).readdirSync(dir).some((f) => f.startsWith("schema-engine"));
  } catch {
    hasNative = false;
  }
  if (!hasNative) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
