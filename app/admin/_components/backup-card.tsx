import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { BackupHealth, BackupRunSummary } from "@/lib/backup/backup-health";

/** "Last verified backup" on the staff overview; a warning when the schedule is not being kept. */
export function BackupCard({ lastVerified, health }: { lastVerified: BackupRunSummary | null; health: BackupHealth }) {
  const healthy = health.state === "healthy";
  return (
    <section aria-labelledby="backups" className={`card space-y-2 ${healthy ? "" : "border-amber-500 dark:border-amber-400"}`} data-backup-health={health.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="backups" className="font-semibold">Backups</h2>
        <StatusPill tone={healthy ? "ok" : "warn"}>{healthy ? "Verified" : "Needs attention"}</StatusPill>
      </div>
      <p>
        {lastVerified?.finishedAt
          ? `Last verified backup: ${formatDateTime(lastVerified.finishedAt)} · ${lastVerified.tables ?? 0} tables · ${(lastVerified.rows ?? 0).toLocaleString("en-US")} rows`
          : "Last verified backup: none yet"}
      </p>
      {health.warning ? <p role="alert" className="text-sm font-medium text-amber-800 dark:text-amber-300">{health.warning}</p> : null}
    </section>
  );
}
