"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { IncidentImpact } from "@/lib/generated/prisma/enums";
import type { ComponentGroupOption } from "@/lib/incidents/list-components";
import { AffectedServicesField, affectedMapOf, type AffectedMap } from "../../_components/affected-services-field";
import { IMPACT_CHOICES } from "../../_components/incident-choices";
import { editIncidentAction } from "../actions";

type Props = {
  incidentId: number;
  slug: string;
  title: string;
  impact: IncidentImpact;
  components: { componentId: number; status: string }[];
  groups: ComponentGroupOption[];
};

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";
const STATUS_ID = "edit-incident-status";

export function EditIncidentForm({ incidentId, slug, groups, ...initial }: Props) {
  const [title, setTitle] = useState(initial.title);
  const [impact, setImpact] = useState<IncidentImpact>(initial.impact);
  const [affected, setAffected] = useState<AffectedMap>(() => affectedMapOf(initial.components));
  const [result, action, pending] = useActionState<FormResult, FormData>(editIncidentAction, null);
  const error = (...fields: string[]) => fieldErrorProps(result, STATUS_ID, ...fields);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4">
      <input type="hidden" name="incidentId" value={incidentId} />
      <div>
        <label htmlFor="edit-title" className="label">Title</label>
        <input
          id="edit-title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          className={FIELD}
          aria-invalid={error("title")["aria-invalid"]}
          aria-describedby={error("title")["aria-invalid"] ? `edit-title-help ${STATUS_ID}` : "edit-title-help"}
        />
        <p id="edit-title-help" className="muted mt-1 text-xs">The address stays /incidents/{slug}, so links already shared keep working.</p>
      </div>
      <div>
        <label htmlFor="edit-impact" className="label">Impact</label>
        <select id="edit-impact" name="impact" value={impact} onChange={(e) => setImpact(e.target.value as IncidentImpact)} className={FIELD} {...error("impact")}>
          {IMPACT_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      </div>
      <AffectedServicesField idPrefix="edit" groups={groups} value={affected} onChange={setAffected} errorProps={error("components")} />
      <FormStatus result={result} id={STATUS_ID} />
      <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending}>{pending ? "Saving…" : "Save details"}</button>
    </form>
  );
}
