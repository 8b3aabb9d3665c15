"use client";

import { useActionState, useState } from "react";
import type { FormResult } from "@/lib/form-result";
import { deleteTemplateAction } from "../actions";

export function DeleteTemplateButton({ templateId, name }: { templateId: number; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const [result, action, pending] = useActionState<FormResult, FormData>(deleteTemplateAction, null);
  if (!confirming) {
    return (
      <button type="button" className="btn-secondary w-full text-red-800 sm:w-auto dark:text-red-300" onClick={() => setConfirming(true)}>
        Delete…<span className="sr-only"> template {name}</span>
      </button>
    );
  }
  return (
    <form action={action} className="space-y-2 rounded-lg bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-50">
      <input type="hidden" name="templateId" value={templateId} />
      <p>Delete “{name}” for everyone? Updates already posted from it stay as they are.</p>
      {result && !result.ok && <p role="alert" className="font-medium">{result.message}</p>}
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800 dark:bg-red-500 dark:text-slate-950 dark:hover:bg-red-400" disabled={pending}>
          {pending ? "Deleting…" : "Yes, delete it"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setConfirming(false)} disabled={pending}>Keep it</button>
      </div>
    </form>
  );
}
