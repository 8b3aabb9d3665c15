// `npm run db:restore -- <backup> --verify` restores into a scratch database and compares every
// table with the manifest; `--into <url|dir> [--force]` restores for real and verifies after.
import "../load-env";
import { parseArgs } from "node:util";
import { restoreBackupInto, verifyBackup, type VerifyResult } from "../../lib/backup/backups";
import { formatChecks } from "../../lib/backup/manifest";

const { values, positionals } = parseArgs({
  options: { verify: { type: "boolean" }, into: { type: "string" }, force: { type: "boolean" }, server: { type: "string" } },
  allowPositionals: true,
});
const [backup] = positionals;
if (!backup || (!values.verify && !values.into)) {
  console.error(
    "usage: npm run db:restore -- <backup file or manifest> --verify [--server <postgresql url>]\n" +
      "       npm run db:restore -- <backup file or manifest> --into <postgresql url | embedded data dir> [--force]",
  );
  process.exit(2);
}

function report(what: string, result: VerifyResult, seconds: number): never {
  console.log(`${what} ${result.file}: PostgreSQL ${result.manifest.postgresVersion}, schema ${result.manifest.schemaVersion ?? "(none)"}, taken ${result.manifest.createdAt}`);
  console.log(formatChecks(result.checks));
  const bad = result.checks.filter((c) => !c.ok).length;
  console.log(bad ? `FAILED: ${bad} of ${result.checks.length} tables differ from the manifest (${seconds.toFixed(1)} s)` : `OK: ${result.checks.length} tables, ${result.manifest.totalRows} rows match the manifest (${seconds.toFixed(1)} s)`);
  process.exit(bad ? 1 : 0);
}

const started = Date.now();
try {
  if (values.into) {
    const result = await restoreBackupInto(backup, values.into, { force: values.force ?? false });
    report("Restored", result, (Date.now() - started) / 1000);
  } else {
    const serverUrl = values.server ?? process.env.BACKUP_VERIFY_URL ?? process.env.DATABASE_URL;
    report("Verified by restore", await verifyBackup(backup, { serverUrl }), (Date.now() - started) / 1000);
  }
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
