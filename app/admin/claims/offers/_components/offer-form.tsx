"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { ELIGIBILITY_LABEL, OFFER_KIND_LABEL, OFFER_MODE_LABEL } from "@/lib/claims/offer-copy";
import type { FormResult } from "@/lib/form-result";
import type { EligibilityRule, OfferKind, OfferMode } from "@/lib/generated/prisma/enums";
import { createOfferAction, updateOfferAction } from "../actions";

export type OfferFormValues = {
  kind: OfferKind; title: string; description: string; months: string; value: string; eligibility: EligibilityRule;
  mode: OfferMode; exclusiveGroup: string; opensAt: string; closesAt: string; autoApprove: boolean;
};

type Props = { incidentId: number; offerId?: number; initial: OfferFormValues; takenCount?: number };

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";

/** Adds an offer (no offerId) or edits one. Controlled fields, so a refused save loses nothing typed. */
export function OfferForm({ incidentId, offerId, initial, takenCount = 0 }: Props) {
  const [result, action, pending] = useActionState<FormResult, FormData>(offerId ? updateOfferAction : createOfferAction, null);
  const [values, setValues] = useState(initial);
  const [seen, setSeen] = useState(result);
  // A new offer that was added leaves an empty form behind, so a second click cannot add it twice.
  if (result !== seen) {
    setSeen(result);
    if (result?.ok && !offerId) setValues(initial);
  }
  const id = useId();
  const statusId = `${id}-status`;
  const set = <K extends keyof OfferFormValues>(key: K) => (value: OfferFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const invalid = (field: string) => (result?.ok === false && result.field === field ? { "aria-invalid": true, "aria-describedby": statusId } : {});
  const text = (field: "title" | "months" | "value" | "exclusiveGroup" | "opensAt" | "closesAt") => ({
    id: `${id}-${field}`, name: field, value: values[field], className: FIELD, onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field)(e.target.value), ...invalid(field),
  });

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <input type="hidden" name="incidentId" value={incidentId} />
      {offerId && <input type="hidden" name="offerId" value={offerId} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-title`} className="label">Title</label>
          <input type="text" maxLength={120} {...text("title")} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-description`} className="label">Description (shown to subscribers)</label>
          <textarea id={`${id}-description`} name="description" rows={3} maxLength={2000} value={values.description} onChange={(e) => set("description")(e.target.value)} className={FIELD} {...invalid("description")} />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className="label">Kind</label>
          <select id={`${id}-kind`} name="kind" value={values.kind} onChange={(e) => set("kind")(e.target.value as OfferKind)} className={FIELD} {...invalid("kind")}>
            {(Object.keys(OFFER_KIND_LABEL) as OfferKind[]).map((k) => <option key={k} value={k}>{OFFER_KIND_LABEL[k]}</option>)}
          </select>
        </div>
        {values.kind === "SERVICE_CREDIT" && (
          <div>
            <label htmlFor={`${id}-months`} className="label">Free months</label>
            <input type="number" inputMode="numeric" min={1} max={24} {...text("months")} />
          </div>
        )}
        {values.kind === "GIFT_CARD" && (
          <div>
            <label htmlFor={`${id}-value`} className="label">Value (US dollars)</label>
            <input type="text" inputMode="decimal" placeholder="100" {...text("value")} />
          </div>
        )}
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-eligibility`} className="label">Who is eligible</label>
          <select id={`${id}-eligibility`} name="eligibility" value={values.eligibility} onChange={(e) => set("eligibility")(e.target.value as EligibilityRule)} className={FIELD} {...invalid("eligibility")}>
            {(Object.keys(ELIGIBILITY_LABEL) as EligibilityRule[]).map((k) => <option key={k} value={k}>{ELIGIBILITY_LABEL[k]}</option>)}
          </select>
          <p className="muted mt-1 text-xs">Worked out from the restoration records, so it follows them as data comes back.</p>
        </div>
        <div>
          <label htmlFor={`${id}-opensAt`} className="label">Window opens (UTC)</label>
          <input type="datetime-local" {...text("opensAt")} />
        </div>
        <div>
          <label htmlFor={`${id}-closesAt`} className="label">Window closes (UTC, optional)</label>
          <input type="datetime-local" {...text("closesAt")} />
        </div>
        <div>
          <label htmlFor={`${id}-mode`} className="label">Mode</label>
          <select id={`${id}-mode`} name="mode" value={values.mode} onChange={(e) => set("mode")(e.target.value as OfferMode)} className={FIELD} {...invalid("mode")}>
            {(Object.keys(OFFER_MODE_LABEL) as OfferMode[]).map((k) => <option key={k} value={k}>{OFFER_MODE_LABEL[k]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-exclusiveGroup`} className="label">Exclusive group (optional)</label>
          <input type="text" maxLength={40} {...text("exclusiveGroup")} />
          <p className="muted mt-1 text-xs">Offers with the same group are alternatives: a claim can pick only one of them.</p>
        </div>
        {values.mode === "CLAIM" && (
          <label className="flex min-h-11 items-center gap-3 sm:col-span-2">
            <input type="checkbox" name="autoApprove" checked={values.autoApprove} onChange={(e) => set("autoApprove")(e.target.checked)} className="size-5" />
            <span>Approve eligible claims with no fraud signal automatically</span>
          </label>
        )}
      </div>
      {offerId && takenCount > 0 && (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {takenCount} {takenCount === 1 ? "subscriber has" : "subscribers have"} already claimed or been granted this offer. Changing who is eligible or the window does not take it back from them.
        </p>
      )}
      <FormStatus result={result} id={statusId} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Saving…" : offerId ? <>Save<span className="sr-only"> offer {values.title}</span></> : "Add offer"}
      </button>
    </form>
  );
}
