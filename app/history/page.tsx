import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { IMPACT_TONE, INCIDENT_STATUS_TONE } from "@/components/tones";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { listIncidents } from "@/lib/incidents/list-incidents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incident history" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { items, page, pages, total } = await listIncidents({ page: Number((await searchParams).page ?? 1) });
  return (
    <div className="space-y-6">
      <h1 className="page-title">Incident history</h1>
      <p className="muted">{total} incident{total === 1 ? "" : "s"} on record.</p>
      <ul className="card divide-y divide-slate-200 p-0 sm:p-0 dark:divide-slate-800">
        {items.map((incident) => (
          <li key={incident.slug} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <Link href={`/incidents/${incident.slug}`} className="font-medium">{incident.title}</Link>
              <p className="muted text-sm">{formatDate(incident.startedAt)}{incident.resolvedAt ? ` – ${formatDate(incident.resolvedAt)}` : ""}</p>
            </div>
            <div className="flex gap-2">
              <StatusPill tone={IMPACT_TONE[incident.impact]}>{IMPACT_LABEL[incident.impact]}</StatusPill>
              <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
            </div>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {page > 1 ? <Link href={`/history?page=${page - 1}`}>← Newer</Link> : <span />}
        <span className="muted">Page {page} of {pages}</span>
        {page < pages ? <Link href={`/history?page=${page + 1}`}>Older →</Link> : <span />}
      </nav>
    </div>
  );
}
