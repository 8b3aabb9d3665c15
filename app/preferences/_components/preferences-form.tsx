"use client";

import { useActionState, useState } from "react";
import { CHOICE_OPTION as option, RadioChoice, ServiceChoices, useChosenServices, type ServiceGroup } from "@/components/service-choices";
import type { FormResult } from "@/lib/form-result";

type Scope = "all" | "components" | "mine" | "none";
type Digest = "IMMEDIATE" | "DAILY";

export type PreferencesFormAction = (previous: FormResult, form: FormData) => Promise<FormResult>;

type Props = {
  initial: { incidentEmails: Scope; digest: Digest; componentIds: number[]; restorationEmails: boolean; claimEmails: boolean };
  groups: ServiceGroup[];
  /** Restoration and claim news exist only for addresses of accounts. */
  showAccountLists: boolean;
  action: PreferencesFormAction;
};

function scopes(isAccount: boolean): [Scope, string, string][] {
  return [
    ["all", "Every incident", "All official updates, for every service."],
    ["components", "Only the services I choose", isAccount ? "Updates about incidents that affect them, and about incidents that affected your data." : "Updates about incidents that affect them."],
    ...(isAccount ? [["mine", "Only incidents that affected my data", "Updates about the incidents your account was caught in."] as [Scope, string, string]] : []),
    ["none", "No incident updates", isAccount ? "You can still hear about your own data and claims below." : "We send nothing about incidents to this address."],
  ];
}

export function PreferencesForm({ initial, groups, showAccountLists, action: save }: Props) {
  const [state, action, pending] = useActionState<FormResult, FormData>(save, null);
  // Controlled inputs: React resets uncontrolled form fields after every action, which would
  // silently undo the person's choices when a save is refused.
  const [scope, setScope] = useState(initial.incidentEmails);
  const [digest, setDigest] = useState(initial.digest);
  const { chosen, toggle } = useChosenServices(initial.componentIds);
  const [restoration, setRestoration] = useState(initial.restorationEmails);
  const [claims, setClaims] = useState(initial.claimEmails);
  return (
    <form action={action} className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="label">Incident updates</legend>
        {scopes(showAccountLists).map(([value, title, help]) => (
          <RadioChoice key={value} name="incidentEmails" value={value} checked={scope === value} onChange={() => setScope(value)} title={title} help={help} />
        ))}
      </fieldset>

      {scope === "components" && (
        <ServiceChoices groups={groups} chosen={chosen} toggle={toggle} />
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

      {showAccountLists && (
        <fieldset className="space-y-2">
          <legend className="label">About your own account</legend>
          <label className={option}>
            <input type="checkbox" name="restorationEmails" checked={restoration} onChange={(e) => setRestoration(e.target.checked)} className="mt-1 size-4" />
            <span><span className="block font-medium">My data coming back</span><span className="muted block text-sm">When your categories are restored, and what could not be.</span></span>
          </label>
          <label className={option}>
            <input type="checkbox" name="claimEmails" checked={claims} onChange={(e) => setClaims(e.target.checked)} className="mt-1 size-4" />
            <span><span className="block font-medium">My compensation and claims</span><span className="muted block text-sm">New offers for you, and decisions on your claims.</span></span>
          </label>
        </fieldset>
      )}

      {state && (
        <p role="status" className={`rounded-lg p-3 text-sm ${state.ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`}>
          {state.message}
        </p>
      )}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Saving…" : "Save my choices"}</button>
    </form>
  );
}
