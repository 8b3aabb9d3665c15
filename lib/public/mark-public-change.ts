import { revalidateTag } from "next/cache";
import { PUBLIC_TAGS } from "./tags";
import { requestMirrorPublish } from "./mirror-scheduler";

/**
 * What changed, so that only the affected cached pages are rebuilt.
 * - "status": components, incidents (create/update/resolve/edit), maintenance, postmortems.
 * - "qa": posts, votes, pins, hides, locks, FAQ promotions on one incident's thread (the FAQ and
 *   the Q&A lock are part of the incident itself, so its document is refreshed too).
 */
export type PublicChange =
  | { kind: "status"; incidentSlugs?: string[] }
  | { kind: "qa"; incidentSlug: string };

/**
 * Call from the server action or route handler, after the use case that changed public content has
 * returned (never inside its transaction: a rolled-back change must not evict good cached pages);
 * Next.js only accepts revalidation inside a request. Staff changes expire the cache at once, so the
 * next visitor gets the new content; Q&A activity, which can arrive thousands of times a minute
 * during an incident, is served stale while one background render catches up.
 */
export function markPublicChange(change: PublicChange): void {
  if (change.kind === "status") {
    revalidateTag(PUBLIC_TAGS.status, { expire: 0 });
    revalidateTag(PUBLIC_TAGS.incidents, { expire: 0 });
    for (const slug of change.incidentSlugs ?? []) revalidateTag(PUBLIC_TAGS.incident(slug), { expire: 0 });
  } else {
    revalidateTag(PUBLIC_TAGS.qa(change.incidentSlug), "max");
    revalidateTag(PUBLIC_TAGS.incident(change.incidentSlug), "max");
  }
  requestMirrorPublish();
}
