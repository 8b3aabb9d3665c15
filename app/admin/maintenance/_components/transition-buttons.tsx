"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/form-status";
import type { FormResult } from "@/lib/form-result";
import type { MaintenanceStatus } from "@/lib/generated/prisma/enums";
import { allowedMaintenanceActions, type MaintenanceAction } from "@/lib/maintenance/transitions";
import { transitionMaintenanceAction } from "../actions";

const LABEL: Record<MaintenanceAction, string> = { start: "Start now", complete: "Mark completed", cancel: "Cancel…" };

/** The status moves a window allows right now (from the transition table); cancelling asks first. */
export function TransitionButtons({ maintenanceId, status, title }: { maintenanceId: number; status: MaintenanceStatus; title: string }) {
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [result, action, pending] = useActionState<FormResult, FormData>(async (previous, form) => {
    const next = await transitionMaintenanceAction(previous, form);
    setConfirmCancel(false);
    return next;
  }, null);
  const actions = allowedMaintenanceActions(status);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="maintenanceId" value={maintenanceId} />
      {actions.length > 0 && (
        <div className="flex flex-col gap-2 sm:flex-row">
          {actions.map((a) =>
            a === "cancel" ? (
              <button key={a} type="button" className="btn-secondary text-red-800 dark:text-red-300" onClick={() => setConfirmCancel(true)} disabled={pending || confirmCancel}>
                {LABEL[a]}<span className="sr-only"> {title}</span>
              </button>
            ) : (
              <button key={a} type="submit" name="action" value={a} className="btn-primary" disabled={pending}>
                {LABEL[a]}<span className="sr-only"> {title}</span>
              </button>
            ),
          )}
        </div>
      )}
      {confirmCancel && (
        <div className="space-y-2 rounded-lg bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-50">
          <p>Cancel “{title}”? It disappears from the status page{status === "IN_PROGRESS" ? " and its services return to their usual status" : ""}.</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="submit" name="action" value="cancel" className="btn bg-red-700 text-white hover:bg-red-800 dark:bg-red-500 dark:text-slate-950 dark:hover:bg-red-400" disabled={pending}>
              Yes, cancel it
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirmCancel(false)} disabled={pending}>Keep it</button>
          </div>
        </div>
      )}
      <FormStatus result={result} />
    </form>
  );
}
