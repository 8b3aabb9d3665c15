// One import of a CSV file through importBatch(), printing its timing and peak RSS as JSON.
import "../load-env";
import { createReadStream } from "node:fs";
import { disconnectDb } from "../../lib/db";
import { importBatch } from "../../lib/restoration/import-batch";

const [file, incident, actorId, actorEmail] = process.argv.slice(2) as [string, string, string, string];
const started = performance.now();
const result = await importBatch({
  source: { kind: "staff", actor: { id: actorId, email: actorEmail, role: "ADMIN" } },
  input: { incident, mode: "ALL_OR_NOTHING", filename: "bench.csv" },
  body: createReadStream(file),
});
const seconds = (performance.now() - started) / 1000;
await disconnectDb();
console.log(JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024, status: result.status, totalRows: result.totalRows, changedRows: result.changedRows, rejectedRows: result.rejectedRows, message: result.message }));
process.exit(0);
