"use client";

import { useActionState, useState } from "react";
import { savePreferences, type PreferencesState } from "../actions";

type Props = {
  initial: { incidentEmails: "all" | "components" | "none"; digest: "IMMEDIATE" | "DAILY"; componentIds: number[] };
  components: { id: number; name: string }[];
};

export function PreferencesForm({ initial, components }: Props) {
  const [state, action, pending] = useActionState<PreferencesState, FormData>(savePreferences, null);
  // Controlled inputs: React resets uncontrolled form fields after every action, which would
  // silently undo the person's choices when a save is refused.
  const [scope, setScope] = useState(initial.incidentEmails);
  const [digest, setDigest] = useState(initial.digest);
  const [chosen, setChosen] = useState(() => new Set(initial.componentIds));
  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const option = "flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800";
  return (
    <form action={action} className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="label">Incident updates</legend>
        {([
          ["all", "Every incident", "All official updates, for every service."],
          ["components", "Only the services I choose", "Updates about incidents that affect them."],
          ["none", "No incident updates", "You still hear about your own data and claims."],
        ] as const).map(([value, title, help]) => (
          <label key={value} className={option}>
            <input type="radio" name="incidentEmails" value={value} checked={scope === value} onChange={() => setScope(value)} className="mt-1 size-4" />
            <span><span className="block font-medium">{title}</span><span className="muted block text-sm">{help}</span></span>
          </label>
        ))}
      </fieldset>

      {scope === "components" && (
        <fieldset className="space-y-2">
          <legend className="label">Services</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {components.map((c) => (
              <label key={c.id} className={option}>
                <input type="checkbox" name="componentIds" value={c.id} checked={chosen.has(c.id)} onChange={() => toggle(c.id)} className="mt-1 size-4" />
                <span className="font-medium">{c.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {scope !== "none" && (
        <fieldset className="space-y-2">
          <legend className="label">How often</legend>
          {([
            ["IMMEDIATE", "As it happens"],
            ["DAILY", "One daily summary"],
          ] as const).map(([value, title]) => (
            <label key={value} className={option}>
              <input type="radio" name="digest" value={value} checked={digest === value} onChange={() => setDigest(value)} className="mt-1 size-4" />
              <span className="font-medium">{title}</span>
            </label>
          ))}
        </fieldset>
      )}
      {scope === "none" && <input type="hidden" name="digest" value={digest} />}

      {state && (
        <p role="status" className={`rounded-lg p-3 text-sm ${state.ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`}>
          {state.message}
        </p>
      )}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Saving…" : "Save my choices"}</button>
    </form>
  );
}
