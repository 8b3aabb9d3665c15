"use client";

import { useActionState, useState } from "react";
import { fieldErrorProps } from "@/components/field-error";
import { FormStatus } from "@/components/form-status";
import { MarkdownEditor } from "@/components/markdown-editor";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import type { ComponentGroupOption } from "@/lib/incidents/list-components";
import { editMaintenanceAction, scheduleMaintenanceAction } from "../actions";

type Props = {
  groups: ComponentGroupOption[];
  /** The window being edited; a new one is scheduled when absent. */
  maintenance?: { id: number; title: string; body: string; componentIds: number[]; scheduledStart: string; scheduledEnd: string };
};

const FIELD = "input aria-invalid:border-red-600 dark:aria-invalid:border-red-400";
const BODY_MAX = 20_000;

export function MaintenanceForm({ groups, maintenance }: Props) {
  // Controlled fields: a refused save keeps everything entered.
  const [title, setTitle] = useState(maintenance?.title ?? "");
  const [body, setBody] = useState(maintenance?.body ?? "");
  const [componentIds, setComponentIds] = useState<number[]>(maintenance?.componentIds ?? []);
  const [start, setStart] = useState(maintenance?.scheduledStart ?? "");
  const [end, setEnd] = useState(maintenance?.scheduledEnd ?? "");
  const [result, action, pending] = useActionState<FormResult, FormData>(maintenance ? editMaintenanceAction : scheduleMaintenanceAction, null);
  const statusId = "maintenance-form-status";
  const error = (field: string) => fieldErrorProps(result, statusId, field);
  const toggle = (id: number, on: boolean) => setComponentIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5">
      {maintenance && <input type="hidden" name="maintenanceId" value={maintenance.id} />}
      <div>
        <label htmlFor="maintenance-title" className="label">Title</label>
        <input id="maintenance-title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} className={FIELD} placeholder="e.g. Backup system upgrade" {...error("title")} />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="label">When <span className="muted font-normal">(UTC)</span></legend>
        <div>
          <label htmlFor="maintenance-start" className="label">Start (UTC)</label>
          <input id="maintenance-start" type="datetime-local" name="scheduledStart" value={start} onChange={(e) => setStart(e.target.value)} className={FIELD} {...error("scheduledStart")} />
        </div>
        <div>
          <label htmlFor="maintenance-end" className="label">End (UTC)</label>
          <input id="maintenance-end" type="datetime-local" name="scheduledEnd" value={end} onChange={(e) => setEnd(e.target.value)} className={FIELD} {...error("scheduledEnd")} />
        </div>
      </fieldset>
      <fieldset className="space-y-2" {...(error("componentIds")["aria-describedby"] ? { "aria-describedby": statusId } : {})}>
        <legend className="label">Services under maintenance <span className="muted font-normal">({componentIds.length} chosen)</span></legend>
        {groups.map((group) => (
          <div key={group.name} className="space-y-1">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{group.name}</p>
            <ul className="grid gap-1 sm:grid-cols-2">
              {group.components.map((c) => (
                <li key={c.id}>
                  <label className="flex min-h-11 items-center gap-3 rounded-lg px-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                    <input type="checkbox" name="componentIds" value={c.id} checked={componentIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} className="size-5" />
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      <MarkdownEditor id="maintenance-body" name="body" label="What will happen" value={body} onChange={setBody} rows={6} maxLength={BODY_MAX} errorProps={error("body")} />
      <FormStatus result={result} id={statusId} />
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Saving…" : maintenance ? "Save maintenance" : "Schedule and publish"}
      </button>
    </form>
  );
}
