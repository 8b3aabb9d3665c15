// `npm run bench:me`: "My recovery" (the page and its data in turn) under 50 connections for 20 s,
// through nginx in front of 1 and then 2 web and API instances, on the benchmark database (1M subscribers).
// Last line: RESULT {...}. Options: --skip-build (reuse .next).
import "../load-env";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { prepareBenchDatabase } from "./bench-database";
import { benchMe } from "./me-load";

const { values } = parseArgs({ options: { "skip-build": { type: "boolean" }, fresh: { type: "boolean" } } });
const url = await prepareBenchDatabase({ fresh: values.fresh });
if (!values["skip-build"] || !existsSync(".next/BUILD_ID")) {
  console.log("Building the production server…");
  const build = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: "aftercare-bench-secret-aftercare-bench-secret", GIFT_CODE_KEY: Buffer.alloc(32, 9).toString("base64"), NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(1);
}
const figures: Record<number, { rps: number; p50: number; p99: number; errors: number }> = {};
for (const instances of [1, 2]) {
  const result = await benchMe(url, { webInstances: instances });
  figures[instances] = result;
  console.log(`${instances} web + ${instances} API instance(s): /me and /api/me/recovery in turn, 50 connections × 20 s: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}`);
}
console.log(
  `RESULT ${JSON.stringify({
    me_rps: Math.round(figures[1]!.rps),
    me_p99_ms: figures[1]!.p99,
    errors: figures[1]!.errors,
    two_instances: { me_rps: Math.round(figures[2]!.rps), me_p99_ms: figures[2]!.p99, errors: figures[2]!.errors },
  })}`,
);
process.exit(0);
