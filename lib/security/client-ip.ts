/**
 * The client's address as seen by the nearest trusted hop. Entries left of that are supplied
 * by the client and could be forged, so they are never used for rate limits.
 */
export function clientIp(headers: Headers, trustedProxyHops = 0): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const index = forwarded.length - 1 - trustedProxyHops;
  return forwarded[Math.max(0, index)] ?? headers.get("x-real-ip") ?? "unknown";
}
