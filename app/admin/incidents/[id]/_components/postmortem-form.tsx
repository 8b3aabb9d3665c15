"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { MarkdownEditor } from "@/components/markdown-editor";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import { POSTMORTEM_MAX } from "@/lib/incidents/form-limits";
import { savePostmortemAction } from "../actions";

type Props = { incidentId: number; body: string; published: boolean; resolved: boolean };

/** Draft, publish and unpublish the postmortem; every button saves the text as it is. */
export function PostmortemForm({ incidentId, body: initial, published, resolved }: Props) {
  const [body, setBody] = useState(initial);
  const [result, action, pending] = useActionState<FormResult, FormData>(savePostmortemAction, null);
  const statusId = "postmortem-status";
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <input type="hidden" name="incidentId" value={incidentId} />
      <MarkdownEditor
        id="postmortem-body"
        name="body"
        label="Postmortem text"
        value={body}
        onChange={setBody}
        rows={14}
        maxLength={POSTMORTEM_MAX}
        help="What happened, why, what we did and what we are changing. Markdown; ## for headings."
        errorProps={fieldErrorProps(result, statusId, "body")}
      />
      {!resolved && !published && <p className="muted text-sm">You can publish it once the incident is resolved. Until then, save it as a draft.</p>}
      <FormStatus result={result} id={statusId} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={pending}>{published ? "Save changes" : "Save draft"}</button>
        {published ? (
          <button type="submit" name="intent" value="unpublish" className="btn-secondary" disabled={pending}>Unpublish</button>
        ) : (
          <button type="submit" name="intent" value="publish" className="btn-primary" disabled={pending || !resolved}>Publish</button>
        )}
      </div>
    </form>
  );
}
