import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { StatusPill, type Tone } from "@/components/status-pill";
import type { listBatches } from "@/lib/restoration/list-batches";

type Page = Awaited<ReturnType<typeof listBatches>>;

const STATUS: Record<Page["items"][number]["status"], [Tone, string]> = {
  APPLIED: ["ok", "Applied"],
  REJECTED: ["bad", "Rejected"],
  RECEIVED: ["neutral", "Received"],
  VALIDATING: ["info", "Checking"],
  FAILED: ["bad", "Failed"],
};
const MODE = { ALL_OR_NOTHING: "All or nothing", APPLY_VALID: "Apply valid rows" } as const;

function duration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function RecentBatches({ data }: { data: Page }) {
  const { incident, items, page, pages, total } = data;
  const href = (p: number) => `/admin/restoration/imports?incident=${encodeURIComponent(incident.slug)}&page=${p}`;
  return (
    <section aria-labelledby="batches-title" className="space-y-3">
      <div>
        <h2 id="batches-title" className="text-lg font-semibold">Recent batches</h2>
        <p className="muted text-sm">{total.toLocaleString("en-US")} batch{total === 1 ? "" : "es"} for {incident.title}, newest first.</p>
      </div>
      {items.length === 0 ? (
        <p className="card muted">No batches yet{page > 1 ? " on this page" : ""}.</p>
      ) : (
        <ul className="space-y-3">
          {items.map((batch) => {
            const [tone, label] = STATUS[batch.status];
            const counts: [string, number][] = [["Rows", batch.totalRows], ["Valid", batch.validRows], ["Rejected", batch.rejectedRows], ["Stale", batch.staleRows], ["Changed", batch.changedRows]];
            return (
              <li key={batch.id} className="card space-y-3" aria-label={`Batch ${batch.id}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">#{batch.id}</span>
                    <StatusPill tone={tone}>{label}</StatusPill>
                    <span className="break-all text-sm">{batch.filename ?? "(no file name)"}</span>
                  </p>
                  <p className="muted text-sm">{formatDateTime(batch.createdAt)}</p>
                </div>
                <p className="muted text-sm">
                  <span className="break-all">{batch.uploadedBy ? (batch.uploadedBy.kind === "staff" ? batch.uploadedBy.label : `API token “${batch.uploadedBy.label}”`) : "Unknown uploader"}</span>
                  {" · "}{MODE[batch.mode]} · took {duration(batch.durationMs)}
                </p>
                <dl className="grid grid-cols-3 gap-1 text-center text-sm sm:grid-cols-5">
                  {counts.map(([name, value]) => (
                    <div key={name} className="rounded-md bg-slate-100 px-1 py-1.5 dark:bg-slate-800">
                      <dt className="muted text-xs">{name}</dt>
                      <dd className="font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
                    </div>
                  ))}
                </dl>
                {batch.hasErrorReport && (
                  <a href={`/api/v1/restoration/batches/${batch.id}/errors`} download className="inline-block text-sm">Download the error report (CSV)</a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Batch pages" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={href(page - 1)}>← Newer</Link> : <span />}
          <span className="muted">Page {page} of {pages}</span>
          {page < pages ? <Link href={href(page + 1)}>Older →</Link> : <span />}
        </nav>
      )}
    </section>
  );
}
