"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { STATE_NAME } from "@/lib/restoration/staff-copy";
import { RESTORATION_STATES, TRANSITIONS } from "@/lib/restoration/transitions";
import { transitionRecordAction } from "../actions";

type Counts = { itemsLost: number; itemsRecovered: number; itemsRestored: number };
type Props = {
  userId: string;
  incidentId: number;
  categoryId: number;
  categoryName: string;
  current: (Counts & { state: RestorationState }) | null;
};

const COUNT_FIELDS = [
  ["itemsLost", "Lost"],
  ["itemsRecovered", "Recovered"],
  ["itemsRestored", "Restored"],
] as const;

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";

export function TransitionForm({ userId, incidentId, categoryId, categoryName, current }: Props) {
  // Controlled inputs, so a refused change keeps everything typed; the note clears once saved.
  const [toState, setToState] = useState<RestorationState>(current?.state ?? "AFFECTED");
  const [counts, setCounts] = useState<Record<keyof Counts, string>>({
    itemsLost: String(current?.itemsLost ?? 0),
    itemsRecovered: String(current?.itemsRecovered ?? 0),
    itemsRestored: String(current?.itemsRestored ?? 0),
  });
  const [note, setNote] = useState("");
  const [result, action, pending] = useActionState<FormResult, FormData>(async (previous, form) => {
    const next = await transitionRecordAction(previous, form);
    if (next?.ok) setNote("");
    return next;
  }, null);
  const id = useId();
  const statusId = `${id}-status`;
  const invalid = (...fields: string[]) =>
    result?.ok === false && fields.includes(result.field ?? "") ? { "aria-invalid": true, "aria-describedby": statusId } : {};
  const allowed = current ? TRANSITIONS[current.state] : null;

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="categoryId" value={categoryId} />
      <input type="hidden" name="expectedState" value={current?.state ?? "NONE"} />

      <div>
        <label htmlFor={`${id}-state`} className="label">New state<span className="sr-only"> for {categoryName}</span></label>
        <select id={`${id}-state`} name="toState" value={toState} onChange={(e) => setToState(e.target.value as RestorationState)} className={FIELD} {...invalid("toState")}>
          {RESTORATION_STATES.map((state) => (
            <option key={state} value={state}>{STATE_NAME[state]}{state === current?.state ? " (current)" : ""}</option>
          ))}
        </select>
        <p className="muted mt-1 text-xs">
          {allowed
            ? `Allowed from ${STATE_NAME[current!.state]}: ${allowed.map((s) => STATE_NAME[s]).join(", ") || "nothing (final)"}; or keep it and correct the counts.`
            : "A new record can start in any state up to Validated."}
        </p>
      </div>

      <fieldset className="grid grid-cols-3 gap-2 sm:gap-3">
        <legend className="label">Number of items</legend>
        {COUNT_FIELDS.map(([name, label]) => (
          <div key={name}>
            <label htmlFor={`${id}-${name}`} className="muted mb-1 block text-xs">{label}</label>
            <input
              id={`${id}-${name}`}
              name={name}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={counts[name]}
              onChange={(e) => setCounts((c) => ({ ...c, [name]: e.target.value }))}
              className={FIELD}
              {...invalid(name, "counts")}
            />
          </div>
        ))}
      </fieldset>

      <div>
        <label htmlFor={`${id}-note`} className="label">Note (required)</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={FIELD}
          {...invalid("note")}
          aria-describedby={result?.ok === false && result.field === "note" ? `${id}-note-help ${statusId}` : `${id}-note-help`}
        />
        <p id={`${id}-note-help`} className="muted mt-1 text-xs">Why you are making this change, in 5 to 500 characters. It is kept in the history; only staff see it. {note.trim().length}/500</p>
      </div>

      <FormStatus result={result} id={statusId} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Saving…" : <>Save change<span className="sr-only"> to {categoryName}</span></>}
      </button>
    </form>
  );
}
