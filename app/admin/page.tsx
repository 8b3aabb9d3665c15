import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { ProgressBar } from "@/components/progress-bar";
import { StatusPill } from "@/components/status-pill";
import { INCIDENT_STATUS_TONE } from "@/components/tones";
import { currentUser } from "@/lib/auth/session";
import { getBackupStatus } from "@/lib/backup/get-backup-status";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { getStaffDashboard } from "@/lib/staff/get-dashboard";
import { BackupCard } from "./_components/backup-card";

export const metadata: Metadata = { title: "Staff overview" };

export default async function AdminHome() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  const [dashboard, backups] = await Promise.all([getStaffDashboard(user), getBackupStatus(user)]);
  const percent = dashboard.affectedRecords ? Math.round((dashboard.restoredRecords / dashboard.affectedRecords) * 100) : 0;
  return (
    <div className="space-y-6">
      <h1 className="page-title">Overview</h1>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="card"><dt className="muted text-sm">Open incidents</dt><dd className="text-3xl font-bold">{dashboard.activeIncidents.length}</dd></div>
        <div className="card"><dt className="muted text-sm">Subscribers</dt><dd className="text-3xl font-bold">{dashboard.subscriberCount.toLocaleString("en-US")}</dd></div>
        <div className="card space-y-2">
          <dt className="muted text-sm">Affected categories restored</dt>
          {/* Inside the <dd>: a <dl> group may hold only terms and descriptions. */}
          <dd className="space-y-2">
            <span className="block text-3xl font-bold">{percent}%</span>
            <ProgressBar value={dashboard.restoredRecords} max={dashboard.affectedRecords} label="Affected categories restored" tone="ok" />
          </dd>
        </div>
      </dl>

      <BackupCard lastVerified={backups.lastVerified} health={backups.health} />

      <section aria-labelledby="open" className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="open" className="font-semibold">Open incidents</h2>
          <Link href="/admin/incidents/new" className="btn-secondary">Open an incident</Link>
        </div>
        {dashboard.activeIncidents.length === 0 ? <p className="muted">Nothing open.</p> : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {dashboard.activeIncidents.map((incident) => (
              <li key={incident.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <Link href={`/admin/incidents/${incident.id}`} className="font-medium">{incident.title}</Link>
                <span className="flex items-center gap-2 text-sm">
                  <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
                  <span className="muted">{incident._count.updates} updates · {incident._count.forumPosts} posts</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="audit" className="card space-y-3">
        <h2 id="audit" className="font-semibold">Recent staff actions</h2>
        {dashboard.recentActions.length === 0 ? <p className="muted">No staff actions recorded yet.</p> : (
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {dashboard.recentActions.map((entry) => (
              <li key={entry.id} className="py-2">
                {entry.sentence}
                <span className="muted"> · <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time></span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
