"use client";

import { useActionState, useState } from "react";
import { createToken, type CreateTokenState } from "../actions";
import { CopyButton } from "./copy-button";

export function CreateTokenForm() {
  // Controlled: React resets uncontrolled fields after every action, which would wipe the name
  // when the server refuses it.
  const [name, setName] = useState("");
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(async (previous, form) => {
    const next = await createToken(previous, form);
    if (next?.ok) setName("");
    return next;
  }, null);

  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3">
        <div>
          <label htmlFor="token-name" className="label">Name</label>
          <input id="token-name" name="name" className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required placeholder="e.g. Recovery pipeline (production)" aria-describedby="token-name-help" />
          <p id="token-name-help" className="muted mt-1 text-sm">Name it after the system that will use it, so the batch list says who sent what.</p>
        </div>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
      </form>
      {state && !state.ok && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">{state.message}</p>
      )}
      {state?.ok && (
        <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          <p className="font-semibold">{state.message} Copy it now: it will not be shown again.</p>
          <p className="text-sm">We keep only a fingerprint of the token, so nobody can look it up later. If it is lost, revoke it and create a new one.</p>
          <label htmlFor="new-token" className="label text-amber-950 dark:text-amber-50">Token for “{state.token.name}”</label>
          <input id="new-token" readOnly value={state.token.secret} onFocus={(e) => e.currentTarget.select()} className="input font-mono text-sm" />
          <CopyButton text={state.token.secret} label="Copy token" />
        </div>
      )}
    </div>
  );
}
