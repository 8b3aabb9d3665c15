import { unstable_cache } from "next/cache";
import { PUBLIC_TAGS } from "@/lib/public/tags";
import type { ThreadSort } from "./cursor";
import { listReplies } from "./list-replies";
import { listThreads } from "./list-threads";
import type { ReplyPage, ThreadPage } from "./post-dto";

// Shared by every visitor: the incident page's first render and the JSON pages behind "Load more"
// read the same entries, which a Q&A change revalidates by tag (see lib/public/mark-public-change.ts).
const OPTIONS = (slug: string) => ({ tags: [PUBLIC_TAGS.qa(slug)], revalidate: 60 });

export function getCachedThreadPage(slug: string, sort: ThreadSort, cursor: string | null): Promise<ThreadPage> {
  return unstable_cache(() => listThreads({ incidentSlug: slug, sort, cursor }), ["forum-threads", slug, sort, cursor ?? ""], OPTIONS(slug))();
}

export function getCachedReplyPage(slug: string, questionId: number, cursor: string | null): Promise<ReplyPage> {
  return unstable_cache(() => listReplies({ incidentSlug: slug, questionId, cursor }), ["forum-replies", slug, String(questionId), cursor ?? ""], OPTIONS(slug))();
}
