"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { PhaseState } from "@/lib/generated/prisma/enums";
import { PHASE_STATE_COPY, PHASE_STATES } from "@/lib/restoration/staff-copy";
import { savePhase } from "../actions";

type Props = { phaseId: number; categoryName: string; plannedStart: string; plannedEnd: string; state: PhaseState; parallelWithPrevious: boolean; first: boolean };

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";

export function PhaseForm({ phaseId, categoryName, first, ...initial }: Props) {
  const [result, action, pending] = useActionState<FormResult, FormData>(savePhase, null);
  // Controlled inputs: React resets uncontrolled fields after an action, which would throw away
  // what was typed whenever a save is refused.
  const [start, setStart] = useState(initial.plannedStart);
  const [end, setEnd] = useState(initial.plannedEnd);
  const [state, setState] = useState(initial.state);
  const [parallel, setParallel] = useState(initial.parallelWithPrevious);
  const id = useId();
  const statusId = `${id}-status`;
  const fieldProps = (field: string) =>
    result?.ok === false && result.field === field ? { "aria-invalid": true, "aria-describedby": statusId } : {};

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3">
      <input type="hidden" name="phaseId" value={phaseId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-start`} className="label">Planned start (UTC)</label>
          <input id={`${id}-start`} type="datetime-local" name="plannedStart" value={start} onChange={(e) => setStart(e.target.value)} className={FIELD} {...fieldProps("plannedStart")} />
        </div>
        <div>
          <label htmlFor={`${id}-end`} className="label">Planned end (UTC)</label>
          <input id={`${id}-end`} type="datetime-local" name="plannedEnd" value={end} onChange={(e) => setEnd(e.target.value)} className={FIELD} {...fieldProps("plannedEnd")} />
        </div>
        <div>
          <label htmlFor={`${id}-state`} className="label">State</label>
          <select id={`${id}-state`} name="state" value={state} onChange={(e) => setState(e.target.value as PhaseState)} className={FIELD} {...fieldProps("state")}>
            {PHASE_STATES.map((value) => (
              <option key={value} value={value}>{PHASE_STATE_COPY[value].label}</option>
            ))}
          </select>
        </div>
      </div>
      {!first && (
        <div className="flex items-start gap-2">
          <input
            id={`${id}-parallel`}
            type="checkbox"
            name="parallelWithPrevious"
            checked={parallel}
            onChange={(e) => setParallel(e.target.checked)}
            className="mt-1 size-4"
            aria-describedby={`${id}-parallel-hint`}
          />
          <div>
            <label htmlFor={`${id}-parallel`} className="text-sm font-medium">Runs in parallel with the phase before it</label>
            <p id={`${id}-parallel-hint`} className="muted text-xs">
              Otherwise it cannot be projected to start before the phase before it ends, and a late phase pushes it.
            </p>
          </div>
        </div>
      )}
      <FormStatus result={result} id={statusId} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Saving…" : <>Save<span className="sr-only"> {categoryName} phase</span></>}
      </button>
    </form>
  );
}
