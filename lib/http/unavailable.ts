import { providerName } from "@/lib/branding";
import { UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { escapeHtml, plainPage } from "./plain-page";

// The answer for "the database cannot be reached" before anything renders (proxy.ts): 503 with
// Retry-After, never a redirect to sign-in, never a bare 500: the plain page (plain-page.ts), or
// JSON for API callers.

/** For public documents that were never cached and cannot be read now (not about anyone's account). */
export const PUBLIC_UNAVAILABLE_MESSAGE = "This can't be shown right now. Nothing is lost; try again in a few minutes, or see the status page.";

/** Where the static mirror of the status page is served (STATUS_MIRROR_URL), if configured. */
export function statusMirrorUrl(): string | undefined {
  const url = process.env.STATUS_MIRROR_URL?.trim();
  return url ? url : undefined;
}

function wantsJson(request: Request): boolean {
  if (new URL(request.url).pathname.startsWith("/api/")) return true;
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export function unavailablePageHtml(): string {
  const name = escapeHtml(providerName());
  const [headline, rest] = UNAVAILABLE_MESSAGE.split(/(?<=\.) /, 2) as [string, string];
  const mirror = statusMirrorUrl();
  return plainPage(
    `Temporarily unavailable · ${providerName()} status`,
    `<h1>${escapeHtml(headline)}</h1>
<p>${escapeHtml(rest)}</p>
<p>Service status and incident news are on <a href="/">the ${name} status page</a>${mirror ? ` and its <a href="${escapeHtml(mirror)}">mirror</a>, which works even while this site is down` : ""}.</p>`,
  );
}

/** 503 for a request the database is needed for: the plain page, or the same words as JSON. */
export function unavailableResponse(request: Request): Response {
  const headers = { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (wantsJson(request)) {
    return Response.json({ error: { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE } }, { status: 503, headers });
  }
  return new Response(unavailablePageHtml(), { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
