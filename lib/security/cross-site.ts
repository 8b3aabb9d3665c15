/**
 * Cookies alone must not be enough to change anything: a request another site makes a browser send
 * carries `Sec-Fetch-Site: cross-site` (or, on older browsers, a foreign Origin) and is refused.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
