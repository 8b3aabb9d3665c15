import Link from "next/link";
import { formatDate, formatDateTime } from "@/components/format";
import { Markdown } from "@/components/markdown";
import { RestorationProgress } from "@/components/restoration-progress";
import { StatusPill } from "@/components/status-pill";
import { UptimeBar } from "@/components/uptime-bar";
import { COMPONENT_TONE, IMPACT_TONE, INCIDENT_STATUS_TONE, OVERALL_TONE } from "@/components/tones";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { COMPONENT_LABEL, OVERALL_LABEL } from "@/lib/incidents/overall-status";
import { MAINTENANCE_STATUS_LABEL } from "@/lib/maintenance/transitions";
import { readComponentHistory, readStatusOverview } from "@/lib/public/public-reads";

// Served from the full-route cache; a staff change expires it at once, and it is rebuilt from the
// data cache at most every 5 seconds (which is also the s-maxage a CDN in front receives).
export const revalidate = 5;

const BANNER = {
  ok: "border-green-600/40 bg-green-50 text-green-950 dark:bg-green-950/60 dark:text-green-100",
  warn: "border-amber-600/40 bg-amber-50 text-amber-950 dark:bg-amber-950/60 dark:text-amber-100",
  bad: "border-red-600/40 bg-red-50 text-red-950 dark:bg-red-950/60 dark:text-red-100",
  info: "border-blue-600/40 bg-blue-50 text-blue-950 dark:bg-blue-950/60 dark:text-blue-100",
  neutral: "",
};

export default async function StatusPage() {
  const [status, history] = await Promise.all([readStatusOverview(), readComponentHistory()]);
  const tone = OVERALL_TONE[status.overall];
  return (
    <div className="space-y-8">
      <section aria-labelledby="overall" className={`rounded-xl border p-5 sm:p-6 ${BANNER[tone]}`}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 id="overall" className="text-xl font-bold sm:text-2xl">{OVERALL_LABEL[status.overall]}</h1>
            <p className="mt-1 text-sm opacity-80">Last updated {formatDateTime(status.generatedAt)}</p>
          </div>
          <Link href="/subscribe" className="btn-secondary min-h-10 px-3 text-sm">Get email updates</Link>
        </div>
        {status.activeIncidents.length > 0 && (
          <p className="mt-3 text-sm">
            Lost data? <Link href="/me" className="font-semibold">Sign in to see your own recovery, category by category.</Link>
          </p>
        )}
      </section>

      {status.activeIncidents.length > 0 && (
        <section aria-labelledby="active" className="space-y-3">
          <h2 id="active" className="text-lg font-semibold">Active incidents</h2>
          {status.activeIncidents.map((incident) => {
            const latest = incident.updates[0];
            return (
              <article key={incident.slug} className="card space-y-3">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusPill tone={IMPACT_TONE[incident.impact]}>{IMPACT_LABEL[incident.impact]} impact</StatusPill>
                  <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
                </div>
                <h3 className="text-lg font-semibold leading-snug">
                  <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
                </h3>
                <p className="muted text-sm">
                  Started {formatDateTime(incident.startedAt)} · Affects {incident.components.map((c) => c.component.name).join(", ")}
                </p>
                {incident.restoration && <RestorationProgress restoration={incident.restoration} compact />}
                {latest && (
                  <div className="rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-950">
                    <p className="mb-1 font-semibold">
                      Latest update · {INCIDENT_STATUS_LABEL[latest.status]} · <time dateTime={latest.createdAt.toISOString()}>{formatDateTime(latest.createdAt)}</time>
                    </p>
                    <Markdown>{latest.body}</Markdown>
                  </div>
                )}
                <Link href={`/incidents/${incident.slug}`} className="btn-secondary">Full timeline</Link>
              </article>
            );
          })}
        </section>
      )}

      <section aria-labelledby="components" className="space-y-3">
        <h2 id="components" className="text-lg font-semibold">Services</h2>
        {[...status.groups, ...(status.ungrouped.length ? [{ id: 0, name: "Other", components: status.ungrouped }] : [])].map((group) => (
          <div key={group.id} className="card p-0 sm:p-0">
            <h3 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">{group.name}</h3>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {group.components.map((component) => (
                <li key={component.id} className="px-4 py-3">
                  <div className="flex items-center justify-between gap-3">
                    <div>
                      <p className="font-medium">{component.name}</p>
                      {component.description && <p className="muted text-sm">{component.description}</p>}
                    </div>
                    <StatusPill tone={COMPONENT_TONE[component.status]}>{COMPONENT_LABEL[component.status]}</StatusPill>
                  </div>
                  <UptimeBar name={component.name} history={history.byComponent[component.id]} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      {status.maintenances.length > 0 && (
        <section aria-labelledby="maintenance" className="space-y-3">
          <h2 id="maintenance" className="text-lg font-semibold">Maintenance</h2>
          {status.maintenances.map((m) => (
            <article key={m.slug} className="card space-y-2">
              <StatusPill tone={m.status === "IN_PROGRESS" ? "warn" : "info"}>{MAINTENANCE_STATUS_LABEL[m.status]}</StatusPill>
              <h3 className="font-semibold">{m.title}</h3>
              <p className="muted text-sm">
                {formatDateTime(m.scheduledStart)} – {formatDateTime(m.scheduledEnd)} · {m.components.map((c) => c.component.name).join(", ")}
              </p>
              <Markdown>{m.body}</Markdown>
            </article>
          ))}
        </section>
      )}

      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className="text-lg font-semibold">Past incidents</h2>
        {status.recentIncidents.length === 0 ? (
          <p className="muted">No incidents in recent history.</p>
        ) : (
          <ul className="card divide-y divide-slate-200 p-0 sm:p-0 dark:divide-slate-800">
            {status.recentIncidents.map((incident) => (
              <li key={incident.slug} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <Link href={`/incidents/${incident.slug}`} className="font-medium">{incident.title}</Link>
                <span className="muted text-sm">
                  {formatDate(incident.startedAt)} · {IMPACT_LABEL[incident.impact]}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link href="/history" className="text-sm font-semibold">All incidents →</Link>
      </section>
    </div>
  );
}
