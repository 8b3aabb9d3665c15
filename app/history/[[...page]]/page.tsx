import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate, formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { IMPACT_TONE, INCIDENT_STATUS_TONE } from "@/components/tones";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { readIncidentPage } from "@/lib/public/public-reads";

// Pages live at /history, /history/2, … (paths, not query strings) so each is a cacheable
// document and the static mirror can hold them as files.
export const revalidate = 5;
export const generateStaticParams = async (): Promise<{ page?: string[] }[]> => [];
export const metadata: Metadata = { title: "Incident history" };

type Props = { params: Promise<{ page?: string[] }> };

function pageNumber(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1;
  if (segments.length > 1 || !/^[1-9]\d{0,5}$/.test(segments[0]!)) return null;
  return Number(segments[0]);
}

const pageHref = (n: number) => (n === 1 ? "/history" : `/history/${n}`);

export default async function HistoryPage({ params }: Props) {
  const requested = pageNumber((await params).page);
  if (requested === null) notFound();
  const { items, page, pages, total, generatedAt } = await readIncidentPage(requested);
  if (requested > pages) notFound();
  return (
    <div className="space-y-6">
      <h1 className="page-title">Incident history</h1>
      <p className="muted">
        {total} incident{total === 1 ? "" : "s"} on record · Last updated {formatDateTime(generatedAt)}
      </p>
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
        {page > 1 ? <Link href={pageHref(page - 1)}>← Newer</Link> : <span />}
        <span className="muted">Page {page} of {pages}</span>
        {page < pages ? <Link href={pageHref(page + 1)}>Older →</Link> : <span />}
      </nav>
    </div>
  );
}
