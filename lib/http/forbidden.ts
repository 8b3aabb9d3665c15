import { providerName } from "@/lib/branding";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "./csp";
import { escapeHtml, plainPage } from "./plain-page";
import securityHeaders from "./security-headers.json";

// The answer for a signed-in person outside their role (proxy.ts), as its own response: Next.js's
// own server drops the status of a rewrite to the /forbidden page, and a refusal must say 403.
// A plain page with no scripts, so it needs no nonce and cannot fail in turn.

export function forbiddenResponse({ adminsOnly }: { adminsOnly: boolean }): Response {
  const [title, text, href, link] = adminsOnly
    ? ["This page is for administrators", "You are signed in as staff, but only administrators can manage this.", "/admin", "Back to the staff area"]
    : ["This area is for support staff", "You are signed in, but your account does not have access to this page.", "/me", "Go to my recovery"];
  const html = plainPage(
    `No access · ${providerName()} status`,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="${href}">${escapeHtml(link)}</a> · <a href="/">Status page</a></p>`,
  );
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  for (const { key, value } of securityHeaders) headers.set(key, value);
  // The policy of every page rendered per request, though this one has no script to carry the nonce.
  headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" }));
  if (process.env.NODE_ENV === "production") headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return new Response(html, { status: 403, headers });
}
