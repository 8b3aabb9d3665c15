import { sessionTokenFrom } from "../../lib/auth/session-lookup";

// The documents that are the same for every visitor: the status page, incident and history pages,
// the feeds, the public JSON API, and the shell of "My recovery" (which fills itself from the
// signed-in subscriber's own JSON). Requests for React Server Component payloads (client-side
// navigation) carry router headers and always go to Next.js.
const PUBLIC_PATH = /^\/(|me|incidents\/[^/?]+|history(\/\d+)?|feed\.atom|feed\.rss|api\/v1\/status|api\/v1\/incidents(\/[^/?]+)?)(\?.*)?$/;
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "next-url"];
// Shells that only make sense signed in.
const SIGNED_IN_SHELL = /^\/me(\?.*)?$/;

export function isPublicDocumentRequest(method: string | undefined, url: string | undefined, headers: Record<string, unknown>): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url || !PUBLIC_PATH.test(url) || url.includes("_rsc=")) return false;
  return !ROUTER_HEADERS.some((name) => headers[name] !== undefined);
}

/**
 * Where a visitor with no session cookie at all goes instead of a signed-in shell: straight to
 * sign-in, without loading the page first. Whether a session that is present is still valid, the
 * page's own data request decides (401 sends it to sign-in too).
 */
export function signInRedirect(url: string | undefined, cookieHeader: string | undefined): string | null {
  if (!url || !SIGNED_IN_SHELL.test(url)) return null;
  if (sessionTokenFrom(cookieHeader)) return null;
  return `/signin?callbackUrl=${encodeURIComponent(url)}`;
}
