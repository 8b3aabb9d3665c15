// `npm run db:seed [-- --subscribers N]`: the demo scenario (idempotent), plus N benchmark
// subscribers × 6 categories generated inside PostgreSQL when --subscribers is given.
import "../scripts/load-env";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "../scripts/db/database-url";
import { db, disconnectDb } from "../lib/db";
import { seedBulk } from "./seed/bulk";
import { DEMO_INCIDENT_SLUG, seedDemo } from "./seed/demo";

const { values } = parseArgs({ options: { subscribers: { type: "string" } }, allowPositionals: false });
const bulk = values.subscribers === undefined ? 0 : Number(values.subscribers.replace(/[_,]/g, ""));
if (!Number.isInteger(bulk) || bulk < 0) {
  console.error(`--subscribers must be a whole number, got "${values.subscribers}"`);
  process.exit(2);
}

const url = await resolveDatabaseUrl();
const started = Date.now();
const demo = await seedDemo(db);
console.log(`Demo scenario ready: ${demo.subscribers} subscribers (${demo.recordsCreated} new restoration records).`);
await disconnectDb();

if (bulk > 0) {
  const result = await seedBulk(url, { subscribers: bulk, incidentSlug: DEMO_INCIDENT_SLUG });
  console.log(
    `Benchmark data: ${result.users} new subscribers in ${result.usersSeconds.toFixed(1)} s, ` +
      `${result.records} new restoration records in ${result.recordsSeconds.toFixed(1)} s.`,
  );
}
console.log(`Seed finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(0);
