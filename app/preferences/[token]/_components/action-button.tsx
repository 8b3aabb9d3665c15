"use client";

import { useActionState } from "react";
import type { FormResult } from "@/lib/form-result";

/** One button that runs one server action and shows its refusal, if any. */
export function ActionButton({ action: run, label, pendingLabel, className }: { action: (previous: FormResult) => Promise<FormResult>; label: string; pendingLabel: string; className: string }) {
  const [state, action, pending] = useActionState<FormResult>(run, null);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" className={className} disabled={pending}>{pending ? pendingLabel : label}</button>
      {state && !state.ok && <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">{state.message}</p>}
    </form>
  );
}
