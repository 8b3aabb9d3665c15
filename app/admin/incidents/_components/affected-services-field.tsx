"use client";

import type { ComponentGroupOption } from "@/lib/incidents/list-components";
import { INCIDENT_COMPONENT_STATUSES } from "@/lib/incidents/form-limits";
import { COMPONENT_LABEL } from "@/lib/incidents/overall-status";

/** componentId → its status during the incident; a service left out is not affected. */
export type AffectedMap = Record<number, string>;

type Props = {
  idPrefix: string;
  groups: ComponentGroupOption[];
  value: AffectedMap;
  onChange: (value: AffectedMap) => void;
  errorProps?: { "aria-invalid"?: true; "aria-describedby"?: string };
};

const CHOICES = [["", "Not affected"], ...INCIDENT_COMPONENT_STATUSES.map((s) => [s, s === "OPERATIONAL" ? "Affected, working" : COMPONENT_LABEL[s]])] as const;

/** One select per service: whether the incident affects it, and how badly. Submitted as component-<id>. */
export function AffectedServicesField({ idPrefix, groups, value, onChange, errorProps = {} }: Props) {
  const chosen = Object.values(value).filter(Boolean).length;
  return (
    <fieldset className="space-y-3" {...(errorProps["aria-describedby"] ? { "aria-describedby": errorProps["aria-describedby"] } : {})}>
      <legend className="label">Affected services <span className="muted font-normal">({chosen} chosen)</span></legend>
      <p className="muted -mt-1 text-xs">A service’s status on the status page follows the worst open incident that affects it.</p>
      {groups.map((group) => (
        <div key={group.name} className="space-y-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{group.name}</p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {group.components.map((component) => {
              const id = `${idPrefix}-component-${component.id}`;
              const current = value[component.id] ?? "";
              return (
                <li key={component.id} className={`rounded-lg border p-2 ${current ? "border-blue-600/50 bg-blue-50 dark:border-blue-400/50 dark:bg-blue-950/40" : "border-slate-200 dark:border-slate-800"}`}>
                  <label htmlFor={id} className="mb-1 block text-sm font-medium">{component.name}</label>
                  <select
                    id={id}
                    name={`component-${component.id}`}
                    value={current}
                    onChange={(e) => onChange({ ...value, [component.id]: e.target.value })}
                    className="input aria-invalid:border-red-600 dark:aria-invalid:border-red-400"
                    {...(errorProps["aria-invalid"] ? { "aria-invalid": true } : {})}
                  >
                    {CHOICES.map(([status, label]) => (
                      <option key={status} value={status}>{label}</option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}

export function affectedMapOf(components: { componentId: number; status: string }[]): AffectedMap {
  return Object.fromEntries(components.map((c) => [c.componentId, c.status]));
}
