import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { Markdown } from "@/components/markdown";
import { StatusPill } from "@/components/status-pill";
import { currentUser } from "@/lib/auth/session";
import { listModerationQueue, type QueueFilter } from "@/lib/forum/list-moderation-queue";
import { AnswerForm, HideForm, PinButton, UnhideButton } from "./_components/moderation-forms";

export const metadata: Metadata = { title: "Q&A moderation" };

type Props = { searchParams: Promise<{ filter?: string | string[]; incident?: string | string[]; cursor?: string | string[] }> };

const FILTER_LABEL: Record<QueueFilter, string> = { all: "All posts", hidden: "Hidden posts", unanswered: "Unanswered questions" };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function QaModerationPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/qa");
  const params = await searchParams;
  const queue = await listModerationQueue({ actor: user, input: { filter: one(params.filter), incidentSlug: one(params.incident), cursor: one(params.cursor) } });
  const older = new URLSearchParams({ filter: queue.filter, ...(queue.incidentSlug ? { incident: queue.incidentSlug } : {}), ...(queue.nextCursor ? { cursor: queue.nextCursor } : {}) });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Q&amp;A moderation</h1>
        <p className="muted">Newest posts first, across incidents. Hidden posts show why and by whom; only staff see that.</p>
      </div>

      <form method="get" className="card grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="filter" className="label">Show</label>
          <select id="filter" name="filter" defaultValue={queue.filter} className="input">
            {(Object.keys(FILTER_LABEL) as QueueFilter[]).map((value) => <option key={value} value={value}>{FILTER_LABEL[value]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="incident" className="label">Incident</label>
          <select id="incident" name="incident" defaultValue={queue.incidentSlug ?? ""} className="input">
            <option value="">All incidents</option>
            {queue.incidents.map((incident) => <option key={incident.slug} value={incident.slug}>{incident.title}</option>)}
          </select>
        </div>
        <button type="submit" className="btn-secondary">Show</button>
      </form>

      {queue.posts.length === 0 ? (
        <div className="card"><p>Nothing here{queue.filter === "all" ? " yet" : ""}.</p></div>
      ) : (
        <ol aria-label={FILTER_LABEL[queue.filter]} className="space-y-4">
          {queue.posts.map((post) => {
            const questionId = post.parentId ?? post.id;
            return (
              <li key={post.id}>
                <article aria-labelledby={`post-${post.id}`} className="card space-y-3">
                  <div className="space-y-1">
                    <p id={`post-${post.id}`} className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="font-semibold">{post.parentId ? "Reply" : "Question"}</span>
                      {post.hidden && <StatusPill tone="bad">Hidden</StatusPill>}
                      {post.questionHidden && <StatusPill tone="bad">Question hidden</StatusPill>}
                      {post.official && <StatusPill tone="ok">Official</StatusPill>}
                      {post.pinned && <StatusPill tone="warn">Pinned</StatusPill>}
                      {post.locked && <StatusPill tone="neutral">Locked</StatusPill>}
                      {post.inFaq && <StatusPill tone="neutral">In the FAQ</StatusPill>}
                      <span className="muted">by {post.author.name} ({post.author.email}) · {formatDateTime(post.createdAt)}</span>
                    </p>
                    <p className="text-sm">
                      <Link href={`/incidents/${post.incident.slug}#question-${questionId}`}>{post.incident.title}</Link>
                      {post.questionExcerpt && <span className="muted"> · in reply to “{post.questionExcerpt}”</span>}
                    </p>
                  </div>
                  <div className="[overflow-wrap:anywhere]"><Markdown>{post.body}</Markdown></div>
                  {!post.parentId && <p className="muted text-sm">{post.replyCount} visible {post.replyCount === 1 ? "reply" : "replies"} · {post.voteCount} “I have this too”</p>}
                  {post.hidden && (
                    <p className="rounded-lg bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950 dark:text-red-50">
                      Hidden {formatDateTime(post.hidden.at)}{post.hidden.by ? ` by ${post.hidden.by}` : ""}: {post.hidden.reason ?? "no reason recorded"}
                    </p>
                  )}
                  <div className="flex flex-wrap items-start gap-2">
                    {post.hidden ? <UnhideButton postId={post.id} /> : <PinButton postId={post.id} pinned={post.pinned} />}
                    {!post.hidden && !post.parentId && !post.locked && <AnswerForm questionId={post.id} />}
                    {!post.hidden && <HideForm postId={post.id} />}
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}

      {queue.nextCursor && <Link href={`/admin/qa?${older.toString()}`} className="btn-secondary w-full">Older posts</Link>}
    </div>
  );
}
