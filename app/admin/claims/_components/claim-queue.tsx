"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { StatusPill } from "@/components/status-pill";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { CLAIM_STATUS_COPY } from "@/lib/claims/offer-copy";
import { decideClaimsAction } from "../actions";

export interface QueueClaim {
  id: number;
  number: string;
  status: ClaimStatus;
  createdAt: string;
  email: string;
  accountRef: string | null;
  giftCardEmail: string | null;
  ip: string | null;
  incident: string;
  items: { title: string; last4: string | null }[];
  decisionReason: string | null;
  signals: { code: string; message: string }[];
}

export function ClaimQueue({ claims }: { claims: QueueClaim[] }) {
  const [result, action, pending] = useActionState<FormResult, FormData>(decideClaimsAction, null);
  // Controlled, so a refused decision keeps the ticked claims and the typed reason.
  const [ticked, setSelected] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState("");
  const id = useId();
  const open = claims.filter((c) => c.status === "SUBMITTED");
  // Claims decided since they were ticked drop out of the selection.
  const selected = new Set(open.filter((c) => ticked.has(c.id)).map((c) => c.id));
  const toggle = (claimId: number) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(claimId)) next.delete(claimId);
      else next.add(claimId);
      return next;
    });

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <div className="card space-y-3">
        <div>
          <label htmlFor={`${id}-reason`} className="label">Reason (required to deny; the subscriber sees it)</label>
          <textarea id={`${id}-reason`} name="reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} className="input" {...(result?.ok === false && result.field === "reason" ? { "aria-invalid": true, "aria-describedby": `${id}-status` } : {})} />
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          {open.length > 0 && (
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" className="size-5" checked={open.every((c) => selected.has(c.id))} onChange={(e) => setSelected(e.target.checked ? new Set(open.map((c) => c.id)) : new Set())} />
              Select all waiting on this page
            </label>
          )}
          <button type="submit" name="decide" value="APPROVE:selected" className="btn-primary" disabled={pending || selected.size === 0}>Approve selected ({selected.size})</button>
          <button type="submit" name="decide" value="DENY:selected" className="btn-secondary" disabled={pending || selected.size === 0}>Deny selected</button>
        </div>
        <FormStatus result={result} id={`${id}-status`} />
      </div>

      <ul className="space-y-3">
        {claims.map((claim) => {
          const copy = CLAIM_STATUS_COPY[claim.status];
          return (
            <li key={claim.id} className="card space-y-2" aria-labelledby={`claim-${claim.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="flex items-center gap-3">
                  {claim.status === "SUBMITTED" && (
                    <input type="checkbox" name="claimId" value={claim.id} checked={selected.has(claim.id)} onChange={() => toggle(claim.id)} className="size-5" aria-label={`Select claim ${claim.number}`} />
                  )}
                  <h3 id={`claim-${claim.id}`} className="font-mono font-semibold">{claim.number}</h3>
                </div>
                <StatusPill tone={copy.tone}>{copy.label}</StatusPill>
              </div>
              <p className="break-words text-sm">
                {claim.email}
                {claim.accountRef && <span className="muted"> · {claim.accountRef}</span>} · {claim.incident}
              </p>
              <p className="text-sm">
                {claim.items.map((item) => `${item.title}${item.last4 ? ` (code …${item.last4})` : ""}`).join(", ")}
              </p>
              <p className="muted break-words text-xs">
                Submitted {claim.createdAt}
                {claim.giftCardEmail && ` · gift card to ${claim.giftCardEmail}`}
                {claim.ip && ` · IP ${claim.ip}`}
              </p>
              {claim.decisionReason && <p className="text-sm">Reason: {claim.decisionReason}</p>}
              {claim.signals.length > 0 && (
                <ul className="space-y-1 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" aria-label={`Fraud signals for ${claim.number}`}>
                  {claim.signals.map((s) => (
                    <li key={s.code}>⚠ {s.message}</li>
                  ))}
                </ul>
              )}
              {claim.status === "SUBMITTED" && (
                <div className="flex flex-col gap-2 sm:flex-row">
                  <button type="submit" name="decide" value={`APPROVE:${claim.id}`} className="btn-primary" disabled={pending}>
                    Approve<span className="sr-only"> claim {claim.number}</span>
                  </button>
                  <button type="submit" name="decide" value={`DENY:${claim.id}`} className="btn-secondary" disabled={pending}>
                    Deny<span className="sr-only"> claim {claim.number}</span> with the reason above
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </form>
  );
}
