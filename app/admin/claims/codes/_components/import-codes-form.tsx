"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { MAX_POOL_FILE_BYTES, POOL_FILE_TOO_LARGE } from "@/lib/claims/gift-code-file";
import { importCodesAction, type ImportCodesState } from "../actions";

type Props = { offers: { id: number; label: string }[] };

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";
const SHOWN_REJECTIONS = 50;

export function ImportCodesForm({ offers }: Props) {
  const [result, action, pending] = useActionState<ImportCodesState, FormData>(importCodesAction, null);
  const [offerId, setOfferId] = useState(String(offers[0]?.id ?? ""));
  const [pasted, setPasted] = useState("");
  const [tooLarge, setTooLarge] = useState(false);
  const submit = submitWithoutReset(action);
  const id = useId();
  const statusId = `${id}-status`;
  const invalid = (field: string) => ((tooLarge && field === "csv") || (result?.ok === false && result.field === field) ? { "aria-invalid": true, "aria-describedby": statusId } : {});
  const rejected = result?.ok ? result.rejected : [];
  const shown = tooLarge ? { ok: false, message: POOL_FILE_TOO_LARGE, field: "csv" } : result;

  return (
    <form action={action} onSubmit={(e) => (tooLarge ? e.preventDefault() : submit(e))} className="space-y-4">
      <div>
        <label htmlFor={`${id}-offer`} className="label">Gift-card offer</label>
        <select id={`${id}-offer`} name="offerId" value={offerId} onChange={(e) => setOfferId(e.target.value)} className={FIELD} {...invalid("offerId")}>
          {offers.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-file`} className="label">CSV file of codes</label>
        <input id={`${id}-file`} type="file" name="file" accept=".csv,.txt,text/csv,text/plain" className="input" aria-describedby={`${id}-help`}
          onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > MAX_POOL_FILE_BYTES)} {...invalid("csv")} />
        <p id={`${id}-help`} className="muted mt-1 text-xs">One code per line, or a CSV with a “code” column. Blank lines and a header row are fine. Up to 900 KB; importing the same file again adds nothing.</p>
      </div>
      <div>
        <label htmlFor={`${id}-codes`} className="label">…or paste codes, one per line</label>
        <textarea id={`${id}-codes`} name="codes" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} className={`${FIELD} font-mono`} autoComplete="off" spellCheck={false} />
      </div>
      <FormStatus result={shown} id={statusId} />
      {rejected.length > 0 && (
        <div className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">Lines not imported</p>
          <ul aria-label="Lines not imported" className="mt-1 list-disc space-y-0.5 pl-5">
            {rejected.slice(0, SHOWN_REJECTIONS).map((r) => <li key={r.line}>Line {r.line}: {r.reason}</li>)}
          </ul>
          {rejected.length > SHOWN_REJECTIONS && <p className="mt-1">…and {rejected.length - SHOWN_REJECTIONS} more.</p>}
        </div>
      )}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending || offers.length === 0}>{pending ? "Importing…" : "Import codes"}</button>
    </form>
  );
}
