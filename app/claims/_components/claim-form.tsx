"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import { submitClaimAction } from "../actions";

export interface ClaimableOffer {
  id: number;
  title: string;
  kind: "SERVICE_CREDIT" | "GIFT_CARD" | "OTHER";
  exclusiveGroup: string | null;
  closesText: string;
}

type Props = { incidentId: number; idempotencyKey: string; email: string; offers: ClaimableOffer[] };

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";

export function ClaimForm({ incidentId, idempotencyKey, email, offers }: Props) {
  const [result, action, pending] = useActionState<FormResult, FormData>(submitClaimAction, null);
  const combinable = offers.filter((o) => !o.exclusiveGroup);
  const groups = [...new Set(offers.flatMap((o) => (o.exclusiveGroup ? [o.exclusiveGroup] : [])))];
  // Controlled: a refused submit must leave every choice and the typed address as they were.
  const [checked, setChecked] = useState<Set<number>>(() => new Set(combinable.length === 1 && groups.length === 0 ? [combinable[0]!.id] : []));
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [giftEmail, setGiftEmail] = useState(email);
  const [attested, setAttested] = useState(false);
  const id = useId();
  const statusId = `${id}-status`;
  const chosen = new Set([...checked, ...Object.values(picked).filter(Boolean).map(Number)]);
  const needsEmail = offers.some((o) => o.kind === "GIFT_CARD" && chosen.has(o.id));
  const invalid = (field: string) => (result?.ok === false && result.field === field ? { "aria-invalid": true as const, "aria-describedby": statusId } : {});

  const toggle = (offerId: number) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (next.has(offerId)) next.delete(offerId);
      else next.add(offerId);
      return next;
    });

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-lg font-semibold">Make your claim</h3>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      {combinable.length > 0 && (
        <fieldset className="space-y-2" {...invalid("offerIds")}>
          <legend className="label">Choose what you would like{groups.length ? "" : " (you can pick several)"}</legend>
          {combinable.map((offer) => (
            <label key={offer.id} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <input type="checkbox" name="offer" value={offer.id} checked={checked.has(offer.id)} onChange={() => toggle(offer.id)} className="mt-1 size-5 shrink-0" />
              <span>
                <span className="font-medium">{offer.title}</span>
                <span className="muted block text-sm">{offer.closesText}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {groups.map((group) => (
        <fieldset key={group} className="space-y-2">
          <legend className="label">Choose one of these</legend>
          {offers
            .filter((o) => o.exclusiveGroup === group)
            .map((offer) => (
              <label key={offer.id} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <input type="radio" name={`offer-group-${group}`} value={offer.id} checked={picked[group] === String(offer.id)} onChange={() => setPicked({ ...picked, [group]: String(offer.id) })} className="mt-1 size-5 shrink-0" />
                <span>
                  <span className="font-medium">{offer.title}</span>
                  <span className="muted block text-sm">{offer.closesText}</span>
                </span>
              </label>
            ))}
          <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg p-3">
            <input type="radio" name={`offer-group-${group}`} value="" checked={!picked[group]} onChange={() => setPicked({ ...picked, [group]: "" })} className="size-5 shrink-0" />
            <span>None of these</span>
          </label>
        </fieldset>
      ))}

      {needsEmail && (
        <div>
          <label htmlFor={`${id}-email`} className="label">Send the gift card to</label>
          <input id={`${id}-email`} type="email" name="giftCardEmail" autoComplete="email" inputMode="email" required value={giftEmail} onChange={(e) => setGiftEmail(e.target.value)} className={FIELD} {...invalid("giftCardEmail")} />
          <p className="muted mt-1 text-sm">Check this address: the code is also shown on your claim page.</p>
        </div>
      )}

      <label className="flex cursor-pointer items-start gap-3">
        <input type="checkbox" name="attested" value="yes" checked={attested} onChange={(e) => setAttested(e.target.checked)} className="mt-1 size-5 shrink-0" {...invalid("attested")} />
        <span className="text-sm">I confirm that I am the account holder, that this claim is my only claim for this incident, and that what I have entered is true.</span>
      </label>

      <FormStatus result={result} id={statusId} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending || chosen.size === 0}>
        {pending ? "Submitting…" : "Submit claim"}
      </button>
      {chosen.size === 0 && <p className="muted text-sm">Choose at least one offer to submit a claim.</p>}
    </form>
  );
}
