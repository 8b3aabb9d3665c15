"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import type { ComponentGroupOption } from "@/lib/incidents/list-components";
import type { TemplateOption } from "@/lib/incidents/list-templates";
import { AffectedServicesField, affectedMapOf, type AffectedMap } from "../../_components/affected-services-field";
import { postUpdateAction } from "../actions";
import { UpdateFields } from "../../_components/update-fields";

type Props = {
  incidentId: number;
  currentStatus: IncidentStatus;
  components: { componentId: number; status: string }[];
  groups: ComponentGroupOption[];
  templates: TemplateOption[];
};

const STATUS_ID = "post-update-status";

export function PostUpdateForm({ incidentId, currentStatus, components, groups, templates }: Props) {
  // Controlled fields keep what was typed when a post is refused; the message clears once posted.
  const [status, setStatus] = useState<IncidentStatus>(currentStatus);
  const [body, setBody] = useState("");
  const [changeComponents, setChangeComponents] = useState(false);
  const [affected, setAffected] = useState<AffectedMap>(() => affectedMapOf(components));
  const [result, action, pending] = useActionState<FormResult, FormData>(async (previous, form) => {
    const next = await postUpdateAction(previous, form);
    if (next?.ok) {
      setBody("");
      setChangeComponents(false);
    }
    return next;
  }, null);
  const error = (...fields: string[]) => fieldErrorProps(result, STATUS_ID, ...fields);

  const note =
    status === "RESOLVED" && currentStatus !== "RESOLVED"
      ? "Posting this resolves the incident: it moves to past incidents, and its services return to operational unless another incident or maintenance affects them."
      : status !== "RESOLVED" && currentStatus === "RESOLVED"
        ? "This incident is resolved. Posting this status reopens it."
        : null;

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <input type="hidden" name="incidentId" value={incidentId} />
      <UpdateFields
        idPrefix="update"
        templates={templates}
        status={status}
        onStatus={setStatus}
        body={body}
        onBody={setBody}
        error={error}
        statusNote={note && <p className="mt-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">{note}</p>}
      />
      <div className="space-y-3">
        <label className="flex min-h-11 items-center gap-3 text-sm font-medium">
          <input
            type="checkbox"
            name="changeComponents"
            checked={changeComponents}
            onChange={(e) => {
              setChangeComponents(e.target.checked);
              if (e.target.checked) setAffected(affectedMapOf(components));
            }}
            className="size-5"
          />
          Also change the affected services
        </label>
        {changeComponents && <AffectedServicesField idPrefix="update" groups={groups} value={affected} onChange={setAffected} errorProps={error("components")} />}
      </div>
      <FormStatus result={result} id={STATUS_ID} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Posting…" : "Post update"}</button>
    </form>
  );
}
