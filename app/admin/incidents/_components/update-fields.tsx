"use client";

import type { ReactNode } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { UPDATE_BODY_MAX } from "@/lib/incidents/form-limits";
import type { TemplateOption } from "@/lib/incidents/list-templates";
import { STATUS_CHOICES } from "./incident-choices";
import { TemplatePicker } from "./template-picker";

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";
type ErrorProps = (...fields: string[]) => { "aria-invalid"?: true; "aria-describedby"?: string };

/** An official update's status and message, with the template picker that fills both. */
export function UpdateFields({ idPrefix, templates, status, onStatus, body, onBody, error, statusNote }: {
  idPrefix: string;
  templates: TemplateOption[];
  status: IncidentStatus;
  onStatus: (status: IncidentStatus) => void;
  body: string;
  onBody: (body: string) => void;
  error: ErrorProps;
  statusNote?: ReactNode;
}) {
  return (
    <>
      <TemplatePicker
        templates={templates}
        onApply={(template) => {
          const previous = { status, body };
          onStatus(template.status);
          onBody(template.body);
          return previous;
        }}
      />
      <div>
        <label htmlFor={`${idPrefix}-status`} className="label">Status</label>
        <select id={`${idPrefix}-status`} name="status" value={status} onChange={(e) => onStatus(e.target.value as IncidentStatus)} className={FIELD} {...error("status")}>
          {STATUS_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
        {statusNote}
      </div>
      <MarkdownEditor id={`${idPrefix}-body`} name="body" label="Message" value={body} onChange={onBody} maxLength={UPDATE_BODY_MAX} errorProps={error("body")} />
    </>
  );
}
