"use client";

import { useActionState, useId } from "react";
import { FormStatus } from "@/components/form-status";
import { StatusPill } from "@/components/status-pill";
import type { FormResult } from "@/lib/form-result";
import { retryAction } from "../actions";

export interface ProblemRow {
  id: string;
  template: string;
  toEmail: string;
  eventRef: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  suppressedReason: string | null;
}

/**
 * Dead letters or permanent failures, each with Retry unless its address is suppressed.
 * One form for the list keeps the outcome on screen after the retried row has left it.
 */
export function ProblemList({ kind, rows, q }: { kind: "dead" | "failed"; rows: ProblemRow[]; q: string }) {
  const [result, action, pending] = useActionState<FormResult, FormData>(retryAction, null);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="q" value={q} />
      {kind === "dead" && rows.length > 0 && (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <button type="submit" name="retry" value="all" className="btn-secondary w-full sm:w-auto" disabled={pending}>
            {q ? `Retry all dead messages to addresses containing “${q}”` : "Retry all dead messages"}
          </button>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="includeFailed" className="size-5" />
            Also failed messages whose address is no longer suppressed
          </label>
        </div>
      )}
      <FormStatus result={result} id={`${id}-status`} />
      {rows.length === 0 ? (
        <p className="muted">{kind === "dead" ? "No dead letters." : "No permanent failures."}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row) => (
            <li key={row.id} aria-label={`Message ${row.id} to ${row.toEmail}`} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 space-y-1">
                <p className="break-all font-medium">{row.toEmail}</p>
                <p className="muted break-words text-sm">
                  #{row.id} · <a href={`/admin/email/templates#template-${row.template}`}>{row.template}</a>
                  {row.eventRef && <> · {row.eventRef}</>} · {row.attempts} {row.attempts === 1 ? "attempt" : "attempts"} · queued {row.createdAt}
                </p>
                {row.lastError && <p className="break-words font-mono text-xs text-red-800 dark:text-red-300">{row.lastError}</p>}
                {row.suppressedReason !== null && (
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusPill tone="bad">Address suppressed</StatusPill>
                    <span className="muted break-words">{row.suppressedReason} · lift the suppression below to retry</span>
                  </p>
                )}
              </div>
              {row.suppressedReason === null && (
                <button type="submit" name="retry" value={row.id} className="btn-secondary shrink-0" disabled={pending}>
                  Retry<span className="sr-only"> message {row.id} to {row.toEmail}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
