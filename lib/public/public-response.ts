import { createHash } from "node:crypto";

/**
 * Browsers revalidate every time (cheap: a 304), a CDN may serve a copy for 5 seconds and keep
 * serving it for a day if the origin fails.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=60, stale-if-error=86400";

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

/** A public document with a content-derived ETag; a matching If-None-Match gets a 304. */
export function publicResponse(request: Request, body: string, contentType: string): Response {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { "Content-Type": contentType, "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

export function publicJson(request: Request, value: unknown): Response {
  return publicResponse(request, JSON.stringify(value), "application/json; charset=utf-8");
}
