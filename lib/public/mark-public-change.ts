import { revalidateTag } from "next/cache";
import { announcePublicChange, type PublicChange } from "./public-change-signal";
import { PUBLIC_TAGS } from "./tags";

export type { PublicChange } from "./public-change-signal";

/**
 * What changed, so that only the affected cached pages are rebuilt.
 * - "status": components, incidents (create/update/resolve/edit), maintenance, postmortems.
 * - "qa": posts, votes, pins, hides, locks, FAQ promotions on one incident's thread (the FAQ and
 *   the Q&A lock are part of the incident itself, so its document is refreshed too).
 *
 * Call from the server action or route handler, after the use case that changed public content has
 * returned (never inside its transaction: a rolled-back change must not evict good cached pages);
 * Next.js only accepts revalidation inside a request. This process's cache is expired at once, and
 * every other process hears of it (public-change-signal.ts): the other web instances expire theirs,
 * the worker republishes the static mirror.
 */
export function markPublicChange(change: PublicChange): void {
  expirePublicCache(change);
  announcePublicChange(change);
}

/**
 * Expires this process's cached copies. Staff changes expire the cache at once, so the next visitor
 * gets the new content; Q&A activity, which can arrive thousands of times a minute during an
 * incident, is served stale while one background render catches up.
 */
export function expirePublicCache(change: PublicChange): void {
  if (change.kind === "status") {
    revalidateTag(PUBLIC_TAGS.status, { expire: 0 });
    revalidateTag(PUBLIC_TAGS.incidents, { expire: 0 });
    for (const slug of change.incidentSlugs ?? []) revalidateTag(PUBLIC_TAGS.incident(slug), { expire: 0 });
  } else {
    revalidateTag(PUBLIC_TAGS.qa(change.incidentSlug), "max");
    revalidateTag(PUBLIC_TAGS.incident(change.incidentSlug), "max");
  }
}
