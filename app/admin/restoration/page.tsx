import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProgressChart } from "@/components/charts/progress-chart";
import { formatDate } from "@/components/format";
import type { ProjectionBasis } from "@/lib/generated/prisma/enums";
import { ProgressBar } from "@/components/progress-bar";
import { currentUser } from "@/lib/auth/session";
import { getRestorationDashboard } from "@/lib/restoration/get-restoration-dashboard";
import { STATE_NAME } from "@/lib/restoration/staff-copy";
import { STATE_COPY } from "@/lib/restoration/state-copy";
import { RESTORATION_STATES } from "@/lib/restoration/transitions";

export const metadata: Metadata = { title: "Restoration" };

/** The stored projection subscribers are told, in UTC days like the rest of the staff pages. */
function projectionText(p: { projectedEnd: Date | null; projectionBasis: ProjectionBasis | null; projectedLate: boolean }): string {
  if (p.projectionBasis === "DONE") return "complete";
  if (!p.projectedEnd || !p.projectionBasis || p.projectionBasis === "NONE") return "no projected date";
  return `projected by ${formatDate(p.projectedEnd)} (UTC)${p.projectedLate ? ", late" : ""}`;
}

const BAR: Record<string, string> = {
  NOT_AFFECTED: "bg-slate-300 dark:bg-slate-600",
  AFFECTED: "bg-red-500",
  RECOVERED: "bg-amber-400",
  VALIDATED: "bg-sky-400",
  RESTORING: "bg-blue-600",
  RESTORED: "bg-green-600",
  PARTIAL: "bg-lime-500",
  UNRECOVERABLE: "bg-red-900",
};

export default async function RestorationDashboard({ searchParams }: { searchParams: Promise<{ incident?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/restoration");
  const { incident, incidents, rows, series, categoryNames } = await getRestorationDashboard(user, (await searchParams).incident);
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="page-title">Restoration</h1>
          <p className="muted text-sm">{incident.title}</p>
        </div>
        {incidents.length > 1 && (
          <form className="flex gap-2">
            <label htmlFor="incident" className="sr-only">Incident</label>
            <select id="incident" name="incident" defaultValue={incident.slug} className="input">
              {incidents.map((i) => <option key={i.slug} value={i.slug}>{i.title}</option>)}
            </select>
            <button className="btn-secondary">Show</button>
          </form>
        )}
      </div>

      <section aria-labelledby="per-category" className="card space-y-4">
        <h2 id="per-category" className="font-semibold">Subscribers per state</h2>
        <ul className="space-y-4">
          {rows.map((row) => (
            <li key={row.id} className="space-y-1.5">
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{row.name}</span>
                <span className="muted">
                  {row.affected ? Math.round((row.restored / row.affected) * 100) : 0}% restored · {row.affected.toLocaleString("en-US")} affected
                  {" · "}
                  {projectionText(row.projection)}
                </span>
              </div>
              <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                {RESTORATION_STATES.map((state) => {
                  const total = Object.values(row.byState).reduce((a, b) => a + b, 0);
                  return row.byState[state] ? <div key={state} className={BAR[state]} style={{ width: `${(row.byState[state] / total) * 100}%` }} title={`${STATE_COPY[state].label}: ${row.byState[state]}`} /> : null;
                })}
              </div>
              <ProgressBar value={row.restored} max={row.affected} label={`${row.name} restored`} tone="ok" />
              <details className="text-xs">
                <summary className="muted cursor-pointer">Counts per state</summary>
                <dl className="mt-1 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
                  {RESTORATION_STATES.map((state) => (
                    <div key={state} className="flex justify-between gap-2"><dt>{STATE_NAME[state]}</dt><dd className="font-mono">{row.byState[state].toLocaleString("en-US")}</dd></div>
                  ))}
                </dl>
              </details>
            </li>
          ))}
        </ul>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
          {RESTORATION_STATES.map((state) => (
            <li key={state} className="flex items-center gap-1.5"><span className={`inline-block size-3 rounded-sm ${BAR[state]}`} />{STATE_NAME[state]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="over-time" className="card space-y-3">
        <h2 id="over-time" className="font-semibold">Progress over time</h2>
        <p className="muted text-sm">Share of affected subscribers whose category is settled (restored, partly restored or found unrecoverable).</p>
        <ProgressChart series={series} names={categoryNames} />
      </section>

      <p className="text-sm">
        <Link href={`/admin/restoration/imports?incident=${incident.slug}`}>Import progress</Link> ·{" "}
        <Link href={`/admin/restoration/plan?incident=${incident.slug}`}>Edit the plan</Link> ·{" "}
        <Link href="/admin/restoration/subscribers">Look up a subscriber</Link>
      </p>
    </div>
  );
}
