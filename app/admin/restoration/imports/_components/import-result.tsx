"use client";

import { useState } from "react";
import { StatusPill, type Tone } from "@/components/status-pill";
import type { UploadResult } from "./upload-batch";

function outcome(result: UploadResult): { tone: Tone; title: string } {
  if (result.duplicate) return { tone: "info", title: `Already applied earlier (batch #${result.batchId})` };
  if (result.status === "APPLIED") return { tone: "ok", title: `Applied (batch #${result.batchId})` };
  return { tone: "bad", title: `Rejected — nothing applied (batch #${result.batchId})` };
}

export function ImportResultView({ result }: { result: UploadResult }) {
  const { tone, title } = outcome(result);
  const counts: [string, number, string?][] = [
    ["Rows", result.totalRows],
    ["Valid", result.validRows],
    ["Rejected", result.rejectedRows],
    ["Stale", result.staleRows, "older than what we already have, skipped"],
    ["Changed", result.changedRows],
  ];
  // A long list buries the summary on a phone; ten errors usually show the pattern.
  const [expanded, setExpanded] = useState(false);
  const errors = expanded ? result.errors : result.errors.slice(0, 10);
  const shown = errors.length;
  return (
    <section aria-labelledby="result-title" className="space-y-4 border-t border-slate-200 pt-5 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="result-title" className="font-semibold">Result</h3>
        <StatusPill tone={tone}>{title}</StatusPill>
      </div>
      <p>{result.message}</p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {counts.map(([label, value, help]) => (
          <div key={label} className="rounded-lg bg-slate-100 p-3 dark:bg-slate-800">
            <dt className="muted text-xs font-medium uppercase tracking-wide">{label}</dt>
            <dd className="text-xl font-bold tabular-nums">{value.toLocaleString("en-US")}</dd>
            {help && <dd className="muted text-xs">{help}</dd>}
          </div>
        ))}
      </dl>
      {shown > 0 && (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">
            {result.rejectedRows > shown ? `The first ${shown} of ${result.rejectedRows.toLocaleString("en-US")} errors` : shown === 1 ? "The error" : `The ${shown} errors`}
          </h4>
          {/* On a phone each row becomes a small card with its own labels; wide screens get the table. */}
          <table className="block w-full text-left text-sm sm:table sm:rounded-lg sm:border sm:border-slate-200 sm:dark:border-slate-800">
            <thead className="sr-only bg-slate-100 sm:not-sr-only sm:table-header-group dark:bg-slate-800">
              <tr>
                {["Line", "Subscriber", "Category", "Reason"].map((h) => <th key={h} scope="col" className="px-3 py-2">{h}</th>)}
              </tr>
            </thead>
            <tbody className="block space-y-2 sm:table-row-group sm:space-y-0 sm:divide-y sm:divide-slate-200 sm:dark:divide-slate-800">
              {errors.map((e, i) => (
                <tr key={`${e.line}-${i}`} className="block rounded-lg border border-slate-200 p-3 align-top sm:table-row sm:rounded-none sm:border-0 sm:p-0 dark:border-slate-800">
                  {[
                    ["Line", e.line > 0 ? String(e.line) : "File", "tabular-nums"],
                    ["Subscriber", e.ref || "—", "break-all"],
                    ["Category", e.category || "—", ""],
                    ["Reason", e.error, "sm:min-w-48"],
                  ].map(([label, value, extra]) => (
                    <td key={label} data-label={label} className={`flex gap-2 py-0.5 before:w-24 before:shrink-0 before:font-medium before:content-[attr(data-label)] sm:table-cell sm:px-3 sm:py-2 sm:before:content-none ${extra}`}>
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {result.errors.length > shown && (
            <button type="button" className="btn-secondary" onClick={() => setExpanded(true)}>Show {result.errors.length - shown} more</button>
          )}
        </div>
      )}
      {result.errorReportUrl && (
        <a href={result.errorReportUrl} download className="btn-secondary">Download the full error report (CSV)</a>
      )}
    </section>
  );
}
