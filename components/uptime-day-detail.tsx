import Link from "next/link";
import { StatusPill } from "@/components/status-pill";
import { COMPONENT_TONE, IMPACT_TONE } from "@/components/tones";
import { IMPACT_LABEL } from "@/lib/incidents/labels";
import type { DayHistory } from "@/lib/incidents/uptime";
import { dayStatusLabel, effectLabel, formatDay, formatDuration, formatWindow } from "@/lib/incidents/uptime-labels";

/** What happened to one component on one day: the panel under its history bar. */
export function UptimeDayDetail({ id, name, day, onClose }: { id: string; name: string; day: DayHistory; onClose: () => void }) {
  const quiet = day.incidents.length === 0 && day.maintenances.length === 0;
  return (
    <div id={id} role="region" aria-label={`${name}, ${formatDay(day.date)}`} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <p className="font-semibold">{formatDay(day.date)}</p>
          {day.status === "NO_DATA" ? (
            <StatusPill tone="neutral">No data</StatusPill>
          ) : (
            <StatusPill tone={COMPONENT_TONE[day.status]}>{dayStatusLabel(day)}</StatusPill>
          )}
        </div>
        <button type="button" onClick={onClose} className="-my-3 -mr-2 inline-flex min-h-11 items-center rounded-lg px-3 text-xs font-semibold text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          Close<span className="sr-only"> details for {formatDay(day.date)}</span>
        </button>
      </div>

      {day.status === "NO_DATA" ? (
        <p className="muted mt-2">{name} was not on this status page yet.</p>
      ) : quiet ? (
        <p className="muted mt-2">No incidents</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {day.incidents.map((incident) => (
            <li key={incident.slug} className="space-y-0.5">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link href={`/incidents/${incident.slug}`} className="font-medium">{incident.title}</Link>
                <StatusPill tone={IMPACT_TONE[incident.impact]}>{IMPACT_LABEL[incident.impact]} impact</StatusPill>
              </div>
              <p className="muted">
                {incident.status === "OPERATIONAL"
                  ? `${name} stayed operational`
                  : `${effectLabel(incident.status, incident.dataPending === true)} for ${formatDuration(incident.minutes)} this day`}
              </p>
            </li>
          ))}
          {day.maintenances.map((m) => (
            <li key={m.slug} className="space-y-0.5">
              <p className="font-medium">{m.title}</p>
              <p className="muted">
                Planned maintenance, {formatWindow(m.start, m.end)} · {formatDuration(m.minutes)} this day
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
