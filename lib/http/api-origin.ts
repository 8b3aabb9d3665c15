/**
 * The paths the API service answers (lib/http/api-service.ts), and where it listens. nginx routes
 * these paths to it in production; a request for them that reaches Next.js itself (`next dev`, or
 * `next start` without nginx in front) is forwarded there by proxy.ts.
 */
export const API_PATHS: readonly string[] = ["/api/claims", "/api/me/recovery"];

export function apiOrigin(): string {
  return process.env.API_ORIGIN || `http://127.0.0.1:${process.env.API_PORT || 3010}`;
}
