/** What /admin needs to know about one backup run. */
export interface BackupRunSummary {
  status: "RUNNING" | "VERIFIED" | "FAILED";
  startedAt: Date;
  finishedAt: Date | null;
  tables: number | null;
  rows: number | null;
  error: string | null;
}

export type BackupHealthState = "healthy" | "overdue" | "failed" | "never" | "off";

export interface BackupHealth {
  state: BackupHealthState;
  /** Plain words for the admin card when the state is not healthy. */
  warning: string | null;
}

/** A run takes time of its own: a backup counts as overdue one hour after the schedule says the next was due. */
export const RUN_ALLOWANCE_MS = 60 * 60 * 1000;

/**
 * Healthy while the newest verified backup is younger than the schedule allows and the latest
 * finished run did not fail. `scheduleHours` 0 means the worker takes no backups at all.
 */
export function backupHealth({ lastVerified, lastFinished, scheduleHours, now }: { lastVerified: BackupRunSummary | null; lastFinished: BackupRunSummary | null; scheduleHours: number; now: Date }): BackupHealth {
  if (lastFinished?.status === "FAILED")
    return { state: "failed", warning: `The last backup run failed (${lastFinished.error ?? "no reason recorded"}).` };
  if (scheduleHours === 0) return { state: "off", warning: "Scheduled backups are off (BACKUP_SCHEDULE=0)." };
  if (!lastVerified?.finishedAt) return { state: "never", warning: "No backup has been verified by restore yet." };
  const age = now.getTime() - lastVerified.finishedAt.getTime();
  if (age > scheduleHours * 3_600_000 + RUN_ALLOWANCE_MS)
    return { state: "overdue", warning: `The last verified backup is older than the ${scheduleHours}-hour schedule allows.` };
  return { state: "healthy", warning: null };
}
