import { providerName } from "@/lib/branding";
import { UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";

// The answer for "the database cannot be reached" before anything renders (proxy.ts): 503 with
// Retry-After, never a redirect to sign-in, never a bare 500. A plain page with no scripts, styles
// or build assets, so it cannot fail in turn; JSON for API callers.

/** For public documents that were never cached and cannot be read now (not about anyone's account). */
export const PUBLIC_UNAVAILABLE_MESSAGE = "This can't be shown right now. Nothing is lost; try again in a few minutes, or see the status page.";

/** Where the static mirror of the status page is served (STATUS_MIRROR_URL), if configured. */
export function statusMirrorUrl(): string | undefined {
  const url = process.env.STATUS_MIRROR_URL?.trim();
  return url ? url : undefined;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function wantsJson(request: Request): boolean {
  if (new URL(request.url).pathname.startsWith("/api/")) return true;
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export function unavailablePageHtml(): string {
  const name = escapeHtml(providerName());
  const [headline, rest] = UNAVAILABLE_MESSAGE.split(/(?<=\.) /, 2) as [string, string];
  const mirror = statusMirrorUrl();
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Temporarily unavailable · ${name} status</title></head>
<body>
<main>
<h1>${escapeHtml(headline)}</h1>
<p>${escapeHtml(rest)}</p>
<p>Service status and incident news are on <a href="/">the ${name} status page</a>${mirror ? ` and its <a href="${escapeHtml(mirror)}">mirror</a>, which works even while this site is down` : ""}.</p>
</main>
</body>
</html>
`;
}

/** 503 for a request the database is needed for: the plain page, or the same words as JSON. */
export function unavailableResponse(request: Request): Response {
  const headers = { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (wantsJson(request)) {
    return Response.json({ error: { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE } }, { status: 503, headers });
  }
  return new Response(unavailablePageHtml(), { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
