"use client";

import { useActionState, useState } from "react";
import { RadioChoice, ServiceChoices, useChosenServices, type ServiceGroup } from "@/components/service-choices";
import type { FormResult } from "@/lib/form-result";
import { subscribeByEmail } from "../actions";

type Props = { groups: ServiceGroup[]; preselected?: number[] };

export function SubscribeForm({ groups, preselected = [] }: Props) {
  const [state, action, pending] = useActionState<FormResult, FormData>(subscribeByEmail, null);
  // Controlled, so a refused attempt keeps what was typed and ticked.
  const [email, setEmail] = useState("");
  const [scope, setScope] = useState<"all" | "components">(preselected.length ? "components" : "all");
  const { chosen, toggle } = useChosenServices(preselected);

  if (state?.ok) {
    return (
      <div role="status" className="space-y-2">
        <h2 className="text-lg font-semibold">Check your inbox to confirm</h2>
        <p>{state.message}</p>
        <p className="muted text-sm">No email after a few minutes? Look in your spam folder, or try again in ten minutes.</p>
      </div>
    );
  }

  const error = state && !state.ok ? state : null;
  return (
    <form action={action} noValidate className="space-y-6">
      <div>
        <label htmlFor="email" className="label">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error?.field === "email" ? true : undefined}
          aria-describedby={error ? "subscribe-error" : undefined}
          className="input"
          placeholder="you@example.com"
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="label">What to send</legend>
        {([
          ["all", "Every incident", "All official updates and maintenance notices, for every service."],
          ["components", "Only the services I choose", "Updates about incidents that affect them."],
        ] as const).map(([value, title, help]) => (
          <RadioChoice key={value} name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} title={title} help={help} />
        ))}
      </fieldset>

      {scope === "components" && (
        <ServiceChoices groups={groups} chosen={chosen} toggle={toggle} describedBy={error?.field === "componentIds" ? "subscribe-error" : undefined} />
      )}

      {error && (
        <p id="subscribe-error" role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error.message}
        </p>
      )}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>{pending ? "Subscribing…" : "Subscribe"}</button>
      <p className="muted text-sm">We email you a link to confirm first. Every email has a link to change your choices or unsubscribe.</p>
    </form>
  );
}
