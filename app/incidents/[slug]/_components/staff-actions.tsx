"use client";

import { useId, useState, type FormEvent } from "react";
import { REASON_MAX, REASON_MIN } from "@/lib/forum/limits";
import type { PostDto, ThreadDto } from "@/lib/forum/post-dto";
import type { Forum, Outcome } from "./use-forum";

type Props = { post: PostDto; parent: ThreadDto | null; forum: Forum };

const SMALL = "btn-secondary px-3";

/** Moderation for one post, shown to staff only (the page itself is the same for everyone). */
export function StaffActions({ post, parent, forum }: Props) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState("");
  const kind = parent ? "reply" : "question";

  async function run(action: () => Promise<Outcome>) {
    setPending(true);
    const result = await action();
    setPending(false);
    setOutcome(result);
    return result;
  }

  async function hide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < REASON_MIN) return setOutcome({ ok: false, message: `Give a reason for hiding this post (at least ${REASON_MIN} characters).` });
    await run(() => forum.hide(post, reason, parent));
  }

  return (
    <div className="space-y-2 rounded-lg bg-slate-100 p-2 dark:bg-slate-800/60">
      <div role="group" aria-label={`Staff actions for this ${kind}`} className="flex flex-wrap items-center gap-2">
        <span className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">Staff</span>
        <button type="button" className={SMALL} disabled={pending} onClick={() => run(() => forum.pin(post))}>{post.pinned ? "Unpin" : "Pin"}</button>
        {!parent && (
          <button type="button" className={SMALL} disabled={pending} onClick={() => run(() => forum.lockThread(post))}>{post.locked ? "Unlock thread" : "Lock thread"}</button>
        )}
        {parent && post.official && (
          <button type="button" className={SMALL} disabled={pending} onClick={() => run(() => forum.faq(post))}>{post.inFaq ? "Remove from FAQ" : "Promote to FAQ"}</button>
        )}
        <button type="button" className={SMALL} disabled={pending} aria-expanded={hiding} onClick={() => setHiding((open) => !open)}>Hide…</button>
      </div>
      {hiding && (
        <form onSubmit={hide} className="space-y-2">
          <label htmlFor={`${id}-reason`} className="label">Why hide this {kind}? Only staff see the reason.</label>
          <input id={`${id}-reason`} className="input" value={reason} maxLength={REASON_MAX} onChange={(event) => setReason(event.target.value)} />
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="submit" className="btn-primary" disabled={pending}>Hide {kind}</button>
            <button type="button" className="btn-secondary" onClick={() => setHiding(false)}>Cancel</button>
          </div>
        </form>
      )}
      <p role="status" className={outcome ? `text-sm ${outcome.ok ? "" : "text-red-700 dark:text-red-300"}` : "sr-only"}>{outcome?.message}</p>
    </div>
  );
}
