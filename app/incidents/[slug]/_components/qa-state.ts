import type { PostDto, ThreadDto } from "@/lib/forum/post-dto";

/**
 * What this visitor changed since the page was rendered. The shared page and its JSON pages may lag a
 * little behind a change, so the browser lays its own changes over whatever the server sends.
 */
export interface Overlay {
  patches: Record<number, Partial<PostDto>>;
  removed: number[];
  askedQuestions: ThreadDto[];
  addedReplies: Record<number, PostDto[]>;
}

export const EMPTY_OVERLAY: Overlay = { patches: {}, removed: [], askedQuestions: [], addedReplies: {} };

const rank = (post: PostDto) => (post.pinned ? 0 : post.official ? 1 : 2);

/** The server's reply order: pinned, then official, then oldest first. */
export function compareReplies(a: PostDto, b: PostDto): number {
  return rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
}

/** Adds a further page, skipping questions already shown (a vote can move one across a page edge). */
export function appendPage(existing: ThreadDto[], incoming: ThreadDto[]): ThreadDto[] {
  const seen = new Set(existing.map((thread) => thread.id));
  return [...existing, ...incoming.filter((thread) => !seen.has(thread.id))];
}

/** The threads as this visitor should see them: server pages, every reply loaded, and own changes. */
export function viewThreads(threads: ThreadDto[], overlay: Overlay, allReplies: Record<number, PostDto[]>): ThreadDto[] {
  const removed = new Set(overlay.removed);
  const patch = <T extends PostDto>(post: T): T => ({ ...post, ...overlay.patches[post.id] });
  const known = new Set(threads.map((thread) => thread.id));
  const asked = overlay.askedQuestions.filter((question) => !known.has(question.id));
  const view = [...asked, ...threads]
    .filter((thread) => !removed.has(thread.id))
    .map((thread) => {
      const base = allReplies[thread.id] ?? thread.replies;
      const ids = new Set(base.map((reply) => reply.id));
      const added = (overlay.addedReplies[thread.id] ?? []).filter((reply) => !ids.has(reply.id));
      const replies = [...base, ...added].filter((reply) => !removed.has(reply.id)).map(patch).sort(compareReplies);
      return { ...patch(thread), replies };
    });
  return [...view.filter((thread) => thread.pinned), ...view.filter((thread) => !thread.pinned)];
}

export function withPatch(overlay: Overlay, id: number, patch: Partial<PostDto>): Overlay {
  return { ...overlay, patches: { ...overlay.patches, [id]: { ...overlay.patches[id], ...patch } } };
}
