"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { MarkdownEditor } from "@/components/markdown-editor";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { UPDATE_BODY_MAX } from "@/lib/incidents/form-limits";
import { STATUS_CHOICES } from "../../_components/incident-choices";
import { saveTemplateAction } from "../actions";

type Props = { template?: { id: number; name: string; status: IncidentStatus; body: string } };

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";

/** Creates a template, or edits one when given. A new template's form clears once it is created. */
export function TemplateForm({ template }: Props) {
  const key = template ? `template-${template.id}` : "new-template";
  const [name, setName] = useState(template?.name ?? "");
  const [status, setStatus] = useState<IncidentStatus>(template?.status ?? "INVESTIGATING");
  const [body, setBody] = useState(template?.body ?? "");
  const [result, action, pending] = useActionState<FormResult, FormData>(async (previous, form) => {
    const next = await saveTemplateAction(previous, form);
    if (next?.ok && !template) {
      setName("");
      setStatus("INVESTIGATING");
      setBody("");
    }
    return next;
  }, null);
  const statusId = `${key}-result`;
  const error = (field: string) => fieldErrorProps(result, statusId, field);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      {template && <input type="hidden" name="templateId" value={template.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${key}-name`} className="label">Name</label>
          <input id={`${key}-name`} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className={FIELD} {...error("name")} />
        </div>
        <div>
          <label htmlFor={`${key}-status`} className="label">Status it sets</label>
          <select id={`${key}-status`} name="status" value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus)} className={FIELD} {...error("status")}>
            {STATUS_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
      </div>
      <MarkdownEditor
        id={`${key}-body`}
        name="body"
        label="Text"
        value={body}
        onChange={setBody}
        rows={6}
        maxLength={UPDATE_BODY_MAX}
        help="Mark what to fill in as {placeholder}; the update form reminds staff to replace it."
        errorProps={error("body")}
      />
      <FormStatus result={result} id={statusId} />
      <button type="submit" className={template ? "btn-secondary w-full sm:w-auto" : "btn-primary w-full sm:w-auto"} disabled={pending}>
        {pending ? "Saving…" : template ? <>Save<span className="sr-only"> template {template.name}</span></> : "Create template"}
      </button>
    </form>
  );
}
