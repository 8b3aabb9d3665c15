"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ConfirmState } from "../actions";

export function ConfirmButton({ action: confirm }: { action: (previous: ConfirmState) => Promise<ConfirmState> }) {
  const [state, action, pending] = useActionState<ConfirmState>(confirm, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3">
        <h2 className="text-lg font-semibold">You&apos;re subscribed</h2>
        <p>We will email you about incidents as you chose. Every email has a link to change that or to unsubscribe.</p>
        <Link href={state.preferencesPath} className="btn-secondary w-full sm:w-auto">Change my email preferences</Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <p>One click and your subscription starts.</p>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Confirming…" : "Confirm my subscription"}</button>
      {state && !state.ok && <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">{state.message}</p>}
    </form>
  );
}
