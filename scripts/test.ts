// `npm test`: typecheck, lint, unit + integration tests against a real PostgreSQL, then Playwright
// in Chromium against a production build. `npm run test:e2e` runs the browser part only.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { createTestEnv } from "./test-env";

// Positional arguments go to Playwright: `npm run test:e2e -- e2e/app/status.spec.ts`.
const { values, positionals } = parseArgs({ options: { only: { type: "string" }, "skip-build": { type: "boolean" } }, allowPositionals: true });
const only = values.only;
if (only && !["static", "unit", "e2e"].includes(only)) {
  console.error(`--only must be static, unit or e2e (got ${only})`);
  process.exit(2);
}
const wants = (part: string) => !only || only === part;

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code) => {
      if (code === 0) {
        console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        resolve();
      } else reject(new Error(`${title} failed (exit ${code})`));
    });
  });
}

const bin = (name: string) => `node_modules/.bin/${name}`;

async function withTestEnv(body: (vars: Record<string, string>) => Promise<void>): Promise<void> {
  const env = await createTestEnv();
  try {
    await body(env.vars);
  } finally {
    await env.teardown();
  }
}

try {
  if (wants("static")) {
    await run("Typecheck", bin("tsc"), ["--noEmit"]);
    await run("Lint", bin("eslint"), ["--max-warnings", "0", "."]);
  }
  // Each part gets a fresh environment: integration tests leave incidents and import batches
  // behind, which the pages under browser test would then list.
  if (wants("unit")) {
    await withTestEnv(async (vars) => {
      await run("Unit and integration tests", bin("vitest"), ["run"], vars);
      await run("Email worker tests and crash drills", bin("vitest"), ["run"], { ...vars, VITEST_WORKER_PASS: "1" });
    });
  }
  if (wants("e2e")) {
    await withTestEnv(async (vars) => {
      if (!values["skip-build"]) await run("Production build", bin("next"), ["build"], vars);
      await run("Browser tests (Playwright, Chromium)", bin("playwright"), ["test", ...positionals], vars);
    });
  }
  console.log("\nAll checks passed.");
  process.exit(0);
} catch (error) {
  console.error(`\n✘ ${(error as Error).message}`);
  process.exit(1);
}
