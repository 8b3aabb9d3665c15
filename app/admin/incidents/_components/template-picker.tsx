"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import type { TemplateOption } from "@/lib/incidents/list-templates";

type Props = {
  templates: TemplateOption[];
  /** Fills the form from the template; returns what it replaced, so the fill can be undone. */
  onApply: (template: { status: IncidentStatus; body: string }) => { status: IncidentStatus; body: string };
};

/** Starts an update from a saved template. Applying one over typed text can be undone at once. */
export function TemplatePicker({ templates, onApply }: Props) {
  const id = useId();
  const [selected, setSelected] = useState("");
  const [undo, setUndo] = useState<{ name: string; previous: { status: IncidentStatus; body: string } } | null>(null);
  if (templates.length === 0) {
    return <p className="muted text-sm">No templates yet. <Link href="/admin/incidents/templates">Create one</Link> for texts you post often.</p>;
  }
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="label">Start from a template</label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <select id={id} value={selected} onChange={(e) => setSelected(e.target.value)} className="input sm:flex-1">
          <option value="">Choose a template…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>{t.name} ({INCIDENT_STATUS_LABEL[t.status]})</option>
          ))}
        </select>
        <button
          type="button"
          className="btn-secondary"
          disabled={!selected}
          onClick={() => {
            const template = templates.find((t) => String(t.id) === selected);
            if (!template) return;
            setUndo({ name: template.name, previous: onApply(template) });
            setSelected("");
          }}
        >
          Use template
        </button>
      </div>
      {undo && (
        <p role="status" className="flex flex-wrap items-center gap-2 text-sm">
          Filled in from “{undo.name}”.
          {(undo.previous.body.trim() !== "") && (
            <button
              type="button"
              className="font-semibold text-blue-700 underline dark:text-blue-300"
              onClick={() => {
                onApply(undo.previous);
                setUndo(null);
              }}
            >
              Undo and bring back my text
            </button>
          )}
        </p>
      )}
    </div>
  );
}
