"use client";

import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { BODY_MAX, BODY_MIN } from "@/lib/forum/limits";
import type { Outcome } from "./use-forum";

type Props = {
  label: string;
  hint: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (body: string) => Promise<Outcome>;
  onCancel?: () => void;
  children?: ReactNode;
  autoFocus?: boolean;
};

/** A question or reply box. What was typed stays until it is posted, whatever goes wrong. */
export function PostForm({ label, hint, submitLabel, pendingLabel, onSubmit, onCancel, children, autoFocus }: Props) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const length = text.trim().length;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = length < BODY_MIN ? `Write at least ${BODY_MIN} characters.` : length > BODY_MAX ? `Keep it to ${BODY_MAX.toLocaleString("en-US")} characters (this has ${length.toLocaleString("en-US")}).` : null;
    const result = local ? { ok: false as const, message: local } : await (async () => {
      setPending(true);
      try {
        return await onSubmit(text);
      } finally {
        setPending(false);
      }
    })();
    setOutcome(result);
    if (result.ok) setText("");
    else field.current?.focus();
  }

  const invalid = outcome?.ok === false;
  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <label htmlFor={`${id}-body`} className="label">{label}</label>
      <p id={`${id}-hint`} className="muted text-sm">{hint}</p>
      <textarea
        ref={field}
        id={`${id}-body`}
        name="body"
        rows={4}
        value={text}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint ${id}-count ${id}-status`}
        className="input resize-y aria-invalid:border-red-600 dark:aria-invalid:border-red-400"
      />
      <p id={`${id}-count`} className={`text-right text-xs ${length > BODY_MAX ? "font-semibold text-red-700 dark:text-red-300" : "muted"}`}>
        {length.toLocaleString("en-US")} / {BODY_MAX.toLocaleString("en-US")} characters
      </p>
      {children}
      <p
        id={`${id}-status`}
        role="status"
        className={!outcome ? "sr-only" : `rounded-lg p-3 text-sm ${outcome.ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`}
      >
        {outcome?.message}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? pendingLabel : submitLabel}</button>
        {onCancel && <button type="button" className="btn-secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
