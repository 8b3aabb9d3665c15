"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";
import type { ComponentGroupOption } from "@/lib/incidents/list-components";
import type { TemplateOption } from "@/lib/incidents/list-templates";
import { createIncidentAction } from "../../actions";
import { AffectedServicesField, type AffectedMap } from "../../_components/affected-services-field";
import { IMPACT_CHOICES } from "../../_components/incident-choices";
import { UpdateFields } from "../../_components/update-fields";

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";
const STATUS_ID = "new-incident-status";

export function NewIncidentForm({ groups, templates }: { groups: ComponentGroupOption[]; templates: TemplateOption[] }) {
  // Controlled fields: a refused submit must keep everything typed.
  const [title, setTitle] = useState("");
  const [impact, setImpact] = useState<IncidentImpact>("MAJOR");
  const [affected, setAffected] = useState<AffectedMap>({});
  const [status, setStatus] = useState<IncidentStatus>("INVESTIGATING");
  const [body, setBody] = useState("");
  const [result, action, pending] = useActionState<FormResult, FormData>(createIncidentAction, null);
  const error = (...fields: string[]) => fieldErrorProps(result, STATUS_ID, ...fields);

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-6">
      <section aria-labelledby="what" className="card space-y-4">
        <h2 id="what" className="font-semibold">What is wrong</h2>
        <div>
          <label htmlFor="title" className="label">Title</label>
          <input
            id="title"
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            className={FIELD}
            placeholder="e.g. Contacts missing after sync"
            aria-invalid={error("title")["aria-invalid"]}
            aria-describedby={error("title")["aria-invalid"] ? `title-help ${STATUS_ID}` : "title-help"}
          />
          <p id="title-help" className="muted mt-1 text-xs">Subscribers read this first: say what they notice, in their words. It also makes the page address.</p>
        </div>
        <div>
          <label htmlFor="impact" className="label">Impact</label>
          <select id="impact" name="impact" value={impact} onChange={(e) => setImpact(e.target.value as IncidentImpact)} className={FIELD} {...error("impact")}>
            {IMPACT_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
        <AffectedServicesField idPrefix="new" groups={groups} value={affected} onChange={setAffected} errorProps={error("components")} />
      </section>

      <section aria-labelledby="first-update" className="card space-y-4">
        <h2 id="first-update" className="font-semibold">First update</h2>
        <UpdateFields idPrefix="new" templates={templates} status={status} onStatus={setStatus} body={body} onBody={setBody} error={error} />
      </section>

      <FormStatus result={result} id={STATUS_ID} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Opening…" : "Open incident and publish"}</button>
        <p className="muted text-sm">It appears on the public status page at once.</p>
      </div>
    </form>
  );
}
