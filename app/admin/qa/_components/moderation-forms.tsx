"use client";

import { useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/form-status";
import { submitWithoutReset } from "@/components/submit-without-reset";
import type { FormResult } from "@/lib/form-result";
import { BODY_MAX, REASON_MAX } from "@/lib/forum/limits";
import { answerAction, hideAction, pinAction, unhideAction } from "../actions";

export function UnhideButton({ postId }: { postId: number }) {
  const [result, action, pending] = useActionState<FormResult, FormData>(unhideAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Unhiding…" : "Unhide"}</button>
      <FormStatus result={result} />
    </form>
  );
}

export function PinButton({ postId, pinned }: { postId: number; pinned: boolean }) {
  const [result, action, pending] = useActionState<FormResult, FormData>(pinAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="pinned" value={String(!pinned)} />
      <button type="submit" className="btn-secondary" disabled={pending}>{pinned ? "Unpin" : "Pin"}</button>
      {result?.ok === false && <FormStatus result={result} />}
    </form>
  );
}

/** A text box behind a button: hide with a reason, or answer officially. What was typed survives a refusal. */
function TextActionForm({ label, open, submit, name, max, multiline, action, hidden }: {
  label: string;
  open: string;
  submit: string;
  name: string;
  max: number;
  multiline?: boolean;
  action: (previous: FormResult, form: FormData) => Promise<FormResult>;
  hidden: Record<string, string | number>;
}) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState("");
  const [result, dispatch, pending] = useActionState<FormResult, FormData>(async (previous, form) => {
    const outcome = await action(previous, form);
    // Clear the box once the server has taken it; keep it on a refusal.
    if (outcome?.ok) setText("");
    return outcome;
  }, null);

  if (!expanded) {
    return <button type="button" className="btn-secondary" onClick={() => setExpanded(true)}>{open}</button>;
  }
  const field = { id: `${id}-text`, name, value: text, onChange: (e: { target: { value: string } }) => setText(e.target.value), className: "input", "aria-describedby": `${id}-status` };
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} className="w-full space-y-2">
      {Object.entries(hidden).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
      <label htmlFor={field.id} className="label">{label}</label>
      {multiline ? <textarea rows={4} maxLength={max} {...field} /> : <input maxLength={max} {...field} />}
      <FormStatus result={result} id={`${id}-status`} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : submit}</button>
        <button type="button" className="btn-secondary" onClick={() => setExpanded(false)}>Close</button>
      </div>
    </form>
  );
}

export function HideForm({ postId }: { postId: number }) {
  return <TextActionForm label="Why hide this post? Only staff see the reason." open="Hide…" submit="Hide post" name="reason" max={REASON_MAX} action={hideAction} hidden={{ postId }} />;
}

export function AnswerForm({ questionId }: { questionId: number }) {
  return <TextActionForm label="Official answer" open="Answer…" submit="Post official answer" name="body" max={BODY_MAX} multiline action={answerAction} hidden={{ questionId }} />;
}
