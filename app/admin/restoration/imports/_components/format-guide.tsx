import { IMPORT_COLUMNS, type ImportColumn } from "@/lib/restoration/import-format";
import { RESTORATION_STATES } from "@/lib/restoration/transitions";

const MEANING: Record<ImportColumn, string> = {
  subscriber_ref: "The subscriber's account reference, like NM-100042.",
  category: "The data category: contacts, calendar, notes, tasks, photos or high-scores.",
  state: `Where this category stands: ${RESTORATION_STATES.join(", ")}.`,
  items_lost: "How many items were lost (a whole number).",
  items_recovered: "How many of those were recovered (no more than items_lost).",
  items_restored: "How many are back on the subscriber's account (no more than items_recovered).",
  as_of: "When the pipeline saw this state: ISO 8601 with a time zone, like 2026-11-20T14:30:00Z.",
};

/** A one-row sample, dated a minute ago so it would pass the "not in the future" check as is. */
function templateHref(now: Date): string {
  const asOf = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 60_000).toISOString().replace(".000Z", "Z");
  const sample: Record<ImportColumn, string> = {
    subscriber_ref: "NM-100042", category: "contacts", state: "RECOVERED", items_lost: "120", items_recovered: "120", items_restored: "0", as_of: asOf,
  };
  const csv = `${IMPORT_COLUMNS.join(",")}\r\n${IMPORT_COLUMNS.map((c) => sample[c]).join(",")}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

export function FormatGuide({ now }: { now: Date }) {
  return (
    <section aria-labelledby="format-title" className="card space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id="format-title" className="text-lg font-semibold">The file</h2>
        <a href={templateHref(now)} download="restoration-import-template.csv" className="btn-secondary">Download a sample CSV</a>
      </div>
      <p className="text-sm">One row per subscriber and data category, with this header row:</p>
      {/* It scrolls sideways on a phone, so keyboard users must be able to reach and scroll it. */}
      <p tabIndex={0} role="region" aria-label="Header row" className="overflow-x-auto rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm dark:bg-slate-800">{IMPORT_COLUMNS.join(",")}</p>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {IMPORT_COLUMNS.map((column) => (
          <div key={column} className="sm:contents">
            <dt className="font-mono font-medium">{column}</dt>
            <dd className="muted">{MEANING[column]}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-3 text-sm sm:grid-cols-2">
        <p className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <span className="block font-semibold">Safe to send twice</span>
          Uploading the same file twice changes nothing the second time, and rows older than what we already have are skipped as stale, so a retry never undoes newer progress.
        </p>
        <p className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <span className="block font-semibold">The validation gate</span>
          Data can only be marked restoring, restored or partly restored after it was VALIDATED. A row that skips validation, or any other illegal change, is rejected with its line number.
        </p>
      </div>
    </section>
  );
}
