import { cachedRead } from "@/lib/public/cached-read";
import { PUBLIC_TAGS } from "@/lib/public/tags";
import type { ThreadSort } from "./cursor";
import { listReplies } from "./list-replies";
import { listThreads } from "./list-threads";
import type { ReplyPage, ThreadPage } from "./post-dto";

// Shared by every visitor: the incident page's first render and the JSON pages behind "Load more"
// read the same entries, which a Q&A change revalidates by tag (see lib/public/mark-public-change.ts).

export function getCachedThreadPage(slug: string, sort: ThreadSort, cursor: string | null): Promise<ThreadPage> {
  return cachedRead(["forum-threads", slug, sort, cursor ?? ""], [PUBLIC_TAGS.qa(slug)], () => listThreads({ incidentSlug: slug, sort, cursor }));
}

export function getCachedReplyPage(slug: string, questionId: number, cursor: string | null): Promise<ReplyPage> {
  return cachedRead(["forum-replies", slug, String(questionId), cursor ?? ""], [PUBLIC_TAGS.qa(slug)], () => listReplies({ incidentSlug: slug, questionId, cursor }));
}
