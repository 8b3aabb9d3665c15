"use client";

import { useActionState, useState } from "react";
import { revokeToken, type RevokeTokenState } from "../actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<RevokeTokenState, FormData>(revokeToken, null);
  if (!confirming) {
    return (
      <button type="button" className="btn-secondary text-red-800 dark:text-red-300" onClick={() => setConfirming(true)}>
        Revoke…
      </button>
    );
  }
  return (
    <form action={action} className="space-y-2 rounded-lg bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-50">
      <input type="hidden" name="tokenId" value={tokenId} />
      <p>Revoke “{name}”? Anything using it is refused from its next request. This cannot be undone.</p>
      {state && !state.ok && <p role="alert" className="font-medium">{state.message}</p>}
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800 dark:bg-red-500 dark:text-slate-950 dark:hover:bg-red-400" disabled={pending}>
          {pending ? "Revoking…" : "Yes, revoke it"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setConfirming(false)} disabled={pending}>Keep it</button>
      </div>
    </form>
  );
}
