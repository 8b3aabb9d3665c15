// The documents that are the same for every visitor: the status page, incident and history pages,
// the feeds and the public JSON API. Requests for React Server Component payloads (client-side
// navigation) carry router headers and always go to Next.js.
const PUBLIC_PATH = /^\/(|incidents\/[^/?]+|history(\/\d+)?|feed\.atom|feed\.rss|api\/v1\/status|api\/v1\/incidents(\/[^/?]+)?)(\?.*)?$/;
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "next-url"];

export function isPublicDocumentRequest(method: string | undefined, url: string | undefined, headers: Record<string, unknown>): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url || !PUBLIC_PATH.test(url) || url.includes("_rsc=")) return false;
  return !ROUTER_HEADERS.some((name) => headers[name] !== undefined);
}
