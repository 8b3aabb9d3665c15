"use client";

import { useRef, useState } from "react";
import type { ThreadDto } from "@/lib/forum/post-dto";
import { PostForm } from "./post-form";
import { PostItem } from "./post-item";
import { StaffActions } from "./staff-actions";
import type { Forum, Outcome } from "./use-forum";
import { VoteButton } from "./vote-button";

type Props = { thread: ThreadDto; forum: Forum; signInHref: string };

/** A question with its replies, its vote, a reply box and, for staff, moderation. */
export function ThreadCard({ thread, forum, signInHref }: Props) {
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const [official, setOfficial] = useState(true);
  const [repliesOutcome, setRepliesOutcome] = useState<Outcome | null>(null);
  const [loadingReplies, setLoadingReplies] = useState(false);
  const staff = forum.viewer?.isStaff ?? false;
  const canReply = (forum.viewer?.canPost ?? false) && !thread.locked;
  const hiddenReplies = thread.replyCount - thread.replies.length;
  const moreReplies = forum.replyCursors[thread.id];

  async function showReplies() {
    setLoadingReplies(true);
    const outcome = await forum.showAllReplies(thread);
    setLoadingReplies(false);
    setRepliesOutcome(outcome.ok ? null : outcome);
  }

  return (
    <article aria-labelledby={`q-${thread.id}`} className="card space-y-3">
      <PostItem post={thread} headingId={`q-${thread.id}`} />
      <div className="flex flex-wrap items-start gap-2">
        <VoteButton post={thread} forum={forum} signInHref={signInHref} />
        {canReply && (
          <button ref={replyButton} type="button" className="btn-secondary" aria-expanded={replying} onClick={() => setReplying((open) => !open)}>
            Reply
          </button>
        )}
      </div>
      {thread.locked && <p className="muted text-sm">This question is locked, so it takes no new replies.</p>}
      {staff && <StaffActions post={thread} parent={null} forum={forum} />}

      {thread.replies.length > 0 && (
        <ol aria-label="Replies" className="space-y-3 border-l-2 border-slate-200 pl-3 sm:pl-4 dark:border-slate-700">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <article aria-labelledby={`r-${reply.id}`} className={`space-y-2 rounded-lg p-3 ${reply.official ? "bg-green-50 dark:bg-green-950/40" : "bg-slate-50 dark:bg-slate-800/40"}`}>
                <PostItem post={reply} headingId={`r-${reply.id}`} />
                {staff && <StaffActions post={reply} parent={thread} forum={forum} />}
              </article>
            </li>
          ))}
        </ol>
      )}
      {(hiddenReplies > 0 || moreReplies) && (
        <button type="button" className="btn-secondary" disabled={loadingReplies} onClick={showReplies}>
          {loadingReplies ? "Loading replies…" : moreReplies ? "Show more replies" : `Show all ${thread.replyCount} replies`}
        </button>
      )}
      {repliesOutcome && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{repliesOutcome.message}</p>}

      {canReply && replying && (
        <PostForm
          label="Your reply"
          hint="Markdown works: **bold**, lists and links. Never share passwords or card numbers."
          submitLabel={staff && official ? "Post official answer" : "Post reply"}
          pendingLabel="Posting…"
          autoFocus
          onSubmit={async (body) => {
            const outcome = await forum.reply(thread, body, staff && official);
            if (outcome.ok) {
              setReplying(false);
              replyButton.current?.focus();
            }
            return outcome;
          }}
          onCancel={() => {
            setReplying(false);
            replyButton.current?.focus();
          }}
        >
          {staff && (
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" className="size-5" checked={official} onChange={(event) => setOfficial(event.target.checked)} />
              Post as the official answer (marked &quot;Official&quot;)
            </label>
          )}
        </PostForm>
      )}
    </article>
  );
}
