"use client";

import { useActionState } from "react";
import { revealCodeAction, type RevealResult } from "../actions";

export function RevealCode({ claimItemId, last4 }: { claimItemId: number; last4: string }) {
  const [result, action, pending] = useActionState<RevealResult, FormData>(revealCodeAction, null);
  if (result?.ok) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium">Your gift-card code</p>
        <p className="select-all break-all rounded-lg bg-slate-100 p-3 font-mono text-lg dark:bg-slate-800" aria-live="polite" data-testid="gift-code">{result.code}</p>
        <p className="muted text-xs">Keep it private: anyone with the code can spend it.</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="claimItemId" value={claimItemId} />
      <p className="text-sm">Code ending in <span className="font-mono">{last4}</span></p>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Revealing…" : "Reveal my code"}</button>
      {result && !result.ok && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{result.message}</p>}
    </form>
  );
}
