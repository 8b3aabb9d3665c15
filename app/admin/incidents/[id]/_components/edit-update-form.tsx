"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { MarkdownEditor } from "@/components/markdown-editor";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import { UPDATE_BODY_MAX } from "@/lib/incidents/form-limits";
import { editUpdateAction } from "../actions";

/** Corrects the text of a posted update; its status and time stay as posted. */
export function EditUpdateForm({ incidentId, updateId, body: initial }: { incidentId: number; updateId: number; body: string }) {
  const [body, setBody] = useState(initial);
  const [result, action, pending] = useActionState<FormResult, FormData>(editUpdateAction, null);
  const statusId = `edit-update-${updateId}-status`;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="updateId" value={updateId} />
      <MarkdownEditor
        id={`edit-update-${updateId}`}
        name="body"
        label="Corrected text"
        value={body}
        onChange={setBody}
        rows={6}
        maxLength={UPDATE_BODY_MAX}
        help="Status and time stay as posted; the update is marked as edited, and the audit log keeps the earlier text."
        errorProps={fieldErrorProps(result, statusId, "body")}
      />
      <FormStatus result={result} id={statusId} />
      <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending}>{pending ? "Saving…" : "Save correction"}</button>
    </form>
  );
}
