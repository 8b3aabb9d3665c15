import type { NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "./csp";

type ForwardInit = { request: { headers: Headers } };

/**
 * Answers a document rendered per request with a policy of its own nonce. Next.js reads the nonce
 * from the request's Content-Security-Policy header and puts it on every script it renders; the
 * browser gets the same policy. Only for dynamic pages: a prerendered page has no nonces in it.
 */
export function withCspNonce(request: NextRequest, respond: (init: ForwardInit) => NextResponse): NextResponse {
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = respond({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}
