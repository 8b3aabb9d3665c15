import type { ThreadSort } from "@/lib/forum/cursor";
import type { ForumViewer } from "@/lib/forum/get-viewer";
import type { PostDto, ReplyPage, ThreadDto, ThreadPage } from "@/lib/forum/post-dto";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const OFFLINE = "We could not reach the server. Check your connection and try again.";
const BROKEN = "Something went wrong on our side. Please try again.";

async function call<T>(url: string, method = "GET", body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: OFFLINE };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok && json !== null) return { ok: true, data: json as T };
  const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
  return { ok: false, status: response.status, message: typeof message === "string" ? message : BROKEN };
}

const incident = (slug: string) => `/api/forum/incidents/${encodeURIComponent(slug)}`;
const post = (id: number) => `/api/forum/posts/${id}`;
const query = (params: Record<string, string | null>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== null)).toString();

/** The Q&A endpoints under /api/forum, each answering JSON or a message that can be shown as it is. */
export const forumApi = {
  threads: (slug: string, sort: ThreadSort, cursor: string | null) => call<ThreadPage>(`${incident(slug)}/threads?${query({ sort, cursor })}`),
  replies: (slug: string, questionId: number, cursor: string | null) => call<ReplyPage>(`${incident(slug)}/threads/${questionId}/replies?${query({ cursor })}`),
  viewer: (slug: string, ids: number[]) => call<ForumViewer>(`${incident(slug)}/viewer?${query({ ids: ids.join(",") })}`),
  ask: (slug: string, body: string) => call<{ post: ThreadDto }>(`${incident(slug)}/questions`, "POST", { body }),
  lockQa: (slug: string, locked: boolean) => call<{ qaLocked: boolean }>(`${incident(slug)}/lock`, locked ? "PUT" : "DELETE"),
  reply: (questionId: number, body: string, official: boolean) => call<{ post: PostDto }>(`${post(questionId)}/replies`, "POST", { body, official }),
  vote: (id: number, voted: boolean) => call<{ voted: boolean; voteCount: number }>(`${post(id)}/vote`, voted ? "PUT" : "DELETE"),
  pin: (id: number, pinned: boolean) => call<{ pinned: boolean }>(`${post(id)}/pin`, pinned ? "PUT" : "DELETE"),
  lockThread: (id: number, locked: boolean) => call<{ locked: boolean }>(`${post(id)}/lock`, locked ? "PUT" : "DELETE"),
  hide: (id: number, reason: string) => call<{ hidden: boolean }>(`${post(id)}/hide`, "PUT", { reason }),
  faq: (id: number, inFaq: boolean) => call<{ inFaq: boolean }>(`${post(id)}/faq`, inFaq ? "PUT" : "DELETE"),
};
