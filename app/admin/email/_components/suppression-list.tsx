"use client";

import { useActionState, useId } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import { liftSuppressionAction } from "../actions";

export interface SuppressionRow {
  email: string;
  reason: string;
  since: string;
}

/** Suppressed addresses; lifting one takes a note, and the outcome stays after the row has gone. */
export function SuppressionList({ rows }: { rows: SuppressionRow[] }) {
  const [result, action, pending] = useActionState<FormResult, FormData>(liftSuppressionAction, null);
  const id = useId();
  return (
    <div className="space-y-3">
      <FormStatus result={result} id={`${id}-status`} />
      {rows.length === 0 ? (
        <p className="muted">No suppressed addresses.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row, index) => (
            <li key={row.email} aria-label={`Suppressed ${row.email}`} className="space-y-2 py-3">
              <p className="break-all font-medium">{row.email}</p>
              <p className="muted break-words text-sm">{row.reason} · since {row.since}</p>
              <details>
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-blue-700 dark:text-blue-300">
                  Lift<span className="sr-only"> the suppression of {row.email}</span>
                </summary>
                <form action={action} onSubmit={submitWithoutReset(action)} className="mt-2 space-y-2">
                  <input type="hidden" name="email" value={row.email} />
                  <label htmlFor={`${id}-note-${index}`} className="label">Why may this address get email again? (required, kept in the audit log)</label>
                  <input id={`${id}-note-${index}`} name="note" required minLength={3} maxLength={500} className="input" aria-describedby={`${id}-status`} />
                  <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending}>
                    Lift suppression<span className="sr-only"> of {row.email}</span>
                  </button>
                </form>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
