"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { ThreadSort } from "@/lib/forum/cursor";
import type { PostDto, ThreadDto, ThreadPage } from "@/lib/forum/post-dto";
import { forumApi, type ApiResult } from "./qa-api";
import { appendPage, EMPTY_OVERLAY, viewThreads, withPatch, type Overlay } from "./qa-state";

export interface Viewer {
  signedIn: boolean;
  isStaff: boolean;
  canPost: boolean;
}

export type Outcome = { ok: true; message: string } | { ok: false; message: string };

const done = (message: string): Outcome => ({ ok: true, message });
const failed = (result: ApiResult<unknown>): Outcome => ({ ok: false, message: result.ok ? "" : result.message });

/**
 * The Q&A as one visitor sees it. The page's shared first render is the starting point; who is
 * looking (and what they voted) comes from the private viewer endpoint, and the visitor's own
 * changes are laid over the shared data until it catches up.
 */
export function useForum(slug: string, initial: ThreadPage) {
  const [sort, setSort] = useState<ThreadSort>(initial.sort);
  const [threads, setThreads] = useState<ThreadDto[]>(initial.threads);
  const [nextCursor, setNextCursor] = useState(initial.nextCursor);
  const [qaLocked, setQaLocked] = useState(initial.qaLocked);
  const [loading, setLoading] = useState<"sort" | "more" | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [viewerError, setViewerError] = useState(false);
  const [voted, setVoted] = useState<ReadonlySet<number>>(new Set());
  const [overlay, setOverlay] = useState<Overlay>(EMPTY_OVERLAY);
  const [allReplies, setAllReplies] = useState<Record<number, PostDto[]>>({});
  const [replyCursors, setReplyCursors] = useState<Record<number, string | null>>({});
  const [announcement, setAnnouncement] = useState("");
  const [firstNewId, setFirstNewId] = useState<number | null>(null);
  const askedAbout = useRef(new Set<number>());

  const view = useMemo(() => viewThreads(threads, overlay, allReplies), [threads, overlay, allReplies]);

  // Ask about each question once: the first call also says who is looking.
  useEffect(() => {
    const ids = threads.map((thread) => thread.id).filter((id) => !askedAbout.current.has(id));
    if (askedAbout.current.size > 0 && ids.length === 0) return;
    ids.forEach((id) => askedAbout.current.add(id));
    void forumApi.viewer(slug, ids.slice(0, 200)).then((result) => {
      if (!result.ok) return setViewerError(true);
      const { votedPostIds, qaLocked: locked, ...who } = result.data;
      setViewer(who);
      setQaLocked(locked);
      setVoted((previous) => new Set([...previous, ...votedPostIds]));
    });
  }, [slug, threads]);

  async function load(nextSort: ThreadSort, cursor: string | null) {
    setLoading(cursor ? "more" : "sort");
    setLoadError(null);
    const result = await forumApi.threads(slug, nextSort, cursor);
    setLoading(null);
    if (!result.ok) return setLoadError(result.message);
    setSort(nextSort);
    if (cursor) {
      const shown = new Set(threads.map((thread) => thread.id));
      setFirstNewId(result.data.threads.find((thread) => !shown.has(thread.id))?.id ?? null);
    }
    setThreads((previous) => (cursor ? appendPage(previous, result.data.threads) : result.data.threads));
    setNextCursor(result.data.nextCursor);
    setAnnouncement(cursor ? `${result.data.threads.length} more questions shown.` : `Sorted by ${nextSort === "votes" ? "most votes" : "newest"}.`);
  }

  const patch = (id: number, change: Partial<PostDto>) => setOverlay((previous) => withPatch(previous, id, change));
  const remove = (id: number) => setOverlay((previous) => ({ ...previous, removed: [...previous.removed, id] }));

  return {
    view,
    sort,
    nextCursor,
    qaLocked,
    loading,
    loadError,
    viewer,
    viewerError,
    voted,
    announcement,
    replyCursors,
    /** After "Load more", the first question added: focus moves there, not back to the page top. */
    firstNewId,
    changeSort: (next: ThreadSort) => (next === sort ? undefined : load(next, null)),
    loadMore: () => (nextCursor ? load(sort, nextCursor) : undefined),

    async ask(body: string): Promise<Outcome> {
      const result = await forumApi.ask(slug, body);
      if (!result.ok) return failed(result);
      setOverlay((previous) => ({ ...previous, askedQuestions: [result.data.post, ...previous.askedQuestions] }));
      return done("Your question is posted.");
    },

    async reply(question: ThreadDto, body: string, official: boolean): Promise<Outcome> {
      const result = await forumApi.reply(question.id, body, official);
      if (!result.ok) return failed(result);
      setOverlay((previous) => {
        const added = { ...previous.addedReplies, [question.id]: [...(previous.addedReplies[question.id] ?? []), result.data.post] };
        return withPatch({ ...previous, addedReplies: added }, question.id, { replyCount: question.replyCount + 1 });
      });
      const message = official ? "Your official answer is posted." : "Your reply is posted.";
      setAnnouncement(message); // the reply box closes on success, so the section says it
      return done(message);
    },

    async vote(post: PostDto, want: boolean): Promise<Outcome> {
      const result = await forumApi.vote(post.id, want);
      if (!result.ok) return failed(result);
      setVoted((previous) => {
        const next = new Set(previous);
        if (result.data.voted) next.add(post.id);
        else next.delete(post.id);
        return next;
      });
      patch(post.id, { voteCount: result.data.voteCount });
      return done(result.data.voted ? "Your vote is counted." : "Your vote is taken back.");
    },

    async showAllReplies(question: ThreadDto): Promise<Outcome> {
      const cursor = replyCursors[question.id] ?? null;
      const result = await forumApi.replies(slug, question.id, cursor);
      if (!result.ok) return failed(result);
      setAllReplies((previous) => ({ ...previous, [question.id]: [...(cursor ? (previous[question.id] ?? []) : []), ...result.data.replies] }));
      setReplyCursors((previous) => ({ ...previous, [question.id]: result.data.nextCursor }));
      return done(`${result.data.replies.length} replies shown.`);
    },

    async toggleQaLock(): Promise<Outcome> {
      const result = await forumApi.lockQa(slug, !qaLocked);
      if (!result.ok) return failed(result);
      setQaLocked(result.data.qaLocked);
      setViewer((previous) => previous && { ...previous, canPost: !result.data.qaLocked });
      return done(result.data.qaLocked ? "Questions and answers are closed." : "Questions and answers are open again.");
    },

    async pin(post: PostDto): Promise<Outcome> {
      const result = await forumApi.pin(post.id, !post.pinned);
      if (!result.ok) return failed(result);
      patch(post.id, { pinned: result.data.pinned });
      return done(result.data.pinned ? "Pinned." : "Unpinned.");
    },

    async lockThread(post: PostDto): Promise<Outcome> {
      const result = await forumApi.lockThread(post.id, !post.locked);
      if (!result.ok) return failed(result);
      patch(post.id, { locked: result.data.locked });
      return done(result.data.locked ? "Thread locked: it takes no new replies." : "Thread unlocked.");
    },

    async hide(post: PostDto, reason: string, parent: ThreadDto | null): Promise<Outcome> {
      const result = await forumApi.hide(post.id, reason);
      if (!result.ok) return failed(result);
      remove(post.id);
      if (parent) patch(parent.id, { replyCount: Math.max(0, parent.replyCount - 1) });
      // The post and its controls leave the screen, so the outcome is said at the section's level.
      setAnnouncement(`The ${parent ? "reply" : "question"} is hidden. Bring it back from Q&A moderation in the staff area.`);
      return done("Hidden.");
    },

    async faq(post: PostDto): Promise<Outcome> {
      const result = await forumApi.faq(post.id, !post.inFaq);
      if (!result.ok) return failed(result);
      patch(post.id, { inFaq: result.data.inFaq });
      return done(result.data.inFaq ? "Added to the FAQ at the top of this page." : "Removed from the FAQ.");
    },
  };
}

export type Forum = ReturnType<typeof useForum>;
