import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { manifestPathFor } from "./manifest";

/** Backup files by name; the name's UTC stamp sorts them by age. */
export const BACKUP_FILE = /^aftercare-\d{8}T\d{6}Z\.(dump|pglite\.tar\.gz)$/;

/**
 * The `keep` newest files stay, and so does the newest verified backup even when newer failed
 * ones push it out: a run of failures must never leave nothing to restore.
 */
export function backupsToDelete(files: string[], keep: number, newestVerified: string | null): string[] {
  const newestFirst = [...files].filter((f) => BACKUP_FILE.test(f)).sort().reverse();
  return newestFirst.slice(keep).filter((f) => f !== newestVerified);
}

export async function applyRetention(dir: string, keep: number, newestVerified: string | null): Promise<string[]> {
  const doomed = backupsToDelete(await readdir(dir), keep, newestVerified);
  for (const name of doomed) {
    await rm(path.join(dir, name), { force: true });
    await rm(manifestPathFor(path.join(dir, name)), { force: true });
  }
  return doomed;
}
