"use client";

import { useState } from "react";

export type ServiceGroup = { name: string; components: { id: number; name: string }[] };

export const CHOICE_OPTION = "flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800";

/** The set of chosen service ids, and a toggle for one of them. */
export function useChosenServices(initial: number[] = []) {
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(initial));
  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { chosen, toggle };
}

/** A radio choice with a title and a line of help, as a large touch target. */
export function RadioChoice({ name, value, checked, onChange, title, help }: { name: string; value: string; checked: boolean; onChange: () => void; title: string; help: string }) {
  return (
    <label className={CHOICE_OPTION}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} className="mt-1 size-4" />
      <span>
        <span className="block font-medium">{title}</span>
        <span className="muted block text-sm">{help}</span>
      </span>
    </label>
  );
}

/** Services as checkboxes, grouped like the status page; submitted as `componentIds`. */
export function ServiceChoices({ groups, chosen, toggle, describedBy }: { groups: ServiceGroup[]; chosen: Set<number>; toggle: (id: number) => void; describedBy?: string }) {
  return (
    <fieldset className="space-y-3" aria-describedby={describedBy}>
      <legend className="label">Services</legend>
      {groups.map((group) => (
        <div key={group.name} className="space-y-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{group.name}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {group.components.map((c) => (
              <label key={c.id} className={CHOICE_OPTION}>
                <input type="checkbox" name="componentIds" value={c.id} checked={chosen.has(c.id)} onChange={() => toggle(c.id)} className="mt-1 size-4" />
                <span className="font-medium">{c.name}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
