"use client";

import { useEffect, useState } from "react";
import type { ThreadSort } from "@/lib/forum/cursor";
import type { ThreadPage } from "@/lib/forum/post-dto";
import { PostForm } from "./post-form";
import { ThreadCard } from "./thread-card";
import { useForum, type Outcome } from "./use-forum";

type Props = { incidentSlug: string; initial: ThreadPage };

const SORTS: [ThreadSort, string][] = [
  ["newest", "Newest"],
  ["votes", "Most votes"],
];

/**
 * The incident's Q&A. Rendered first from the shared, cached page data; everything that depends on
 * who is looking (sign-in, votes, staff controls) arrives afterwards from the viewer endpoint.
 */
export function QaSection({ incidentSlug, initial }: Props) {
  const forum = useForum(incidentSlug, initial);
  const [lockOutcome, setLockOutcome] = useState<Outcome | null>(null);
  const signInHref = `/signin?callbackUrl=/incidents/${encodeURIComponent(incidentSlug)}%23qa`;
  const { viewer, firstNewId } = forum;

  useEffect(() => {
    if (firstNewId !== null) document.getElementById(`question-${firstNewId}`)?.focus();
  }, [firstNewId]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="qa-heading" className="text-lg font-semibold">Questions and answers</h2>
        {viewer?.isStaff && (
          <button type="button" className="btn-secondary" onClick={async () => setLockOutcome(await forum.toggleQaLock())}>
            {forum.qaLocked ? "Reopen Q&A" : "Close Q&A"}
          </button>
        )}
      </div>
      <p className="muted text-sm">Ask about this incident. Our support team answers here, and answers that help many people go into the FAQ above.</p>
      {lockOutcome && <p role="status" className={`text-sm ${lockOutcome.ok ? "" : "text-red-700 dark:text-red-300"}`}>{lockOutcome.message}</p>}

      {forum.qaLocked ? (
        <p className="card text-sm">Questions and answers are closed for this incident. Everything already here stays readable.</p>
      ) : viewer?.canPost ? (
        <div className="card">
          <PostForm
            label="Ask a question"
            hint="Other subscribers and our support team will see it. Markdown works; never share passwords or card numbers."
            submitLabel="Post question"
            pendingLabel="Posting…"
            onSubmit={forum.ask}
          />
        </div>
      ) : viewer && !viewer.signedIn ? (
        <a href={signInHref} className="btn-primary w-full sm:w-auto">Sign in to ask a question</a>
      ) : forum.viewerError ? (
        <p className="text-sm">We could not check whether you are signed in. Reload the page to ask a question.</p>
      ) : (
        <p className="muted text-sm" aria-busy="true">Checking whether you are signed in…</p>
      )}

      <div role="group" aria-label="Sort questions" className="flex gap-2">
        {SORTS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={forum.sort === value}
            disabled={forum.loading !== null}
            onClick={() => forum.changeSort(value)}
            className={`${forum.sort === value ? "btn-primary" : "btn-secondary"} flex-1 sm:flex-none`}
          >
            {label}
          </button>
        ))}
      </div>

      {forum.view.length === 0 ? (
        <p className="card muted">No questions yet.{viewer?.canPost ? " Ask the first one." : ""}</p>
      ) : (
        <ol aria-label="Questions" aria-busy={forum.loading === "sort"} className="space-y-4">
          {forum.view.map((thread) => (
            <li key={thread.id} id={`question-${thread.id}`} tabIndex={-1} className="scroll-mt-4 rounded-xl">
              <ThreadCard thread={thread} forum={forum} signInHref={signInHref} />
            </li>
          ))}
        </ol>
      )}

      {forum.nextCursor && (
        <button type="button" className="btn-secondary w-full" disabled={forum.loading !== null} onClick={forum.loadMore}>
          {forum.loading === "more" ? "Loading…" : "Load more questions"}
        </button>
      )}
      {forum.loadError && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{forum.loadError}</p>}
      <p role="status" className={forum.announcement ? "muted text-sm" : "sr-only"}>{forum.announcement}</p>
    </div>
  );
}
