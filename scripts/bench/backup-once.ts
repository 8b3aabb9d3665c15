// One backup and one verification by restore, timed, in a process of its own so that its peak RSS
// is the backup's alone. Usage: backup-once.ts <database url> <dir>. Prints one JSON line.
import { createBackup, verifyBackup } from "../../lib/backup/backups";

const [url, dir] = process.argv.slice(2);
if (!url || !dir) {
  console.error("usage: backup-once.ts <database url> <dir>");
  process.exit(2);
}
let started = performance.now();
const { file, manifest } = await createBackup({ kind: "server", url }, dir);
const backupS = (performance.now() - started) / 1000;
started = performance.now();
const verified = await verifyBackup(file, { serverUrl: url });
const verifyS = (performance.now() - started) / 1000;
console.log(JSON.stringify({ backupS, verifyS, bytes: manifest.bytes, tables: manifest.tables.length, rows: manifest.totalRows, ok: verified.ok, rssMb: process.resourceUsage().maxRSS / 1024 }));
