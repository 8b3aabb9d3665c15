// Who may reach each page, route handler and server action of the build. The routes spec checks
// that this table names exactly what the build contains: a new route fails the suite until it is
// classified here, with a concrete path built from the fixture's real ids.
import type { SecurityFixture } from "./security-fixture";

/**
 * - public: anyone, signed in or not.
 * - link: anyone holding a signed link (the token in the path or query is the authority).
 * - signed-in: any signed-in person; the session decides whose data is shown.
 * - staff: support staff and admins. admin: admins only.
 * - token-or-staff: the recovery pipeline's API token, or signed-in staff.
 * - dev: the development mailbox, not served by a production build at all.
 * - framework: Next.js's own error pages.
 */
export type Access = "public" | "link" | "signed-in" | "staff" | "admin" | "token-or-staff" | "dev" | "framework";

export interface RouteRule {
  access: Access;
  /** The concrete path(s) to probe, with the fixture's real ids in the dynamic segments. */
  paths: (f: SecurityFixture) => string[];
  /** How to probe a route handler that has no GET (the method and body a caller would send). */
  probe?: { method: "POST" | "PUT" | "DELETE"; data?: unknown; headers?: Record<string, string> };
  /** Not routed by the edge at all (nginx answers 404 for every method); the suite checks exactly that. */
  internal?: true;
}

const at = (...paths: string[]) => () => paths;

export const ROUTES: Record<string, RouteRule> = {
  "/": { access: "public", paths: at("/") },
  "/_global-error": { access: "framework", paths: at() },
  "/_not-found": { access: "framework", paths: at() },
  "/admin": { access: "staff", paths: at("/admin") },
  "/admin/claims": { access: "staff", paths: at("/admin/claims") },
  "/admin/claims/codes": { access: "admin", paths: at("/admin/claims/codes") },
  "/admin/claims/credits": { access: "staff", paths: at("/admin/claims/credits") },
  // GET re-downloads an export by reference; "nothing new" is an empty, harmless reference.
  "/admin/claims/credits/export": { access: "staff", paths: at("/admin/claims/credits/export?ref=SC-00000000-0000") },
  "/admin/claims/offers": { access: "staff", paths: at("/admin/claims/offers") },
  "/admin/email": { access: "staff", paths: (f) => [`/admin/email?to=${encodeURIComponent(f.b.account.email)}`] },
  "/admin/email/templates": { access: "staff", paths: at("/admin/email/templates") },
  "/admin/incidents": { access: "staff", paths: at("/admin/incidents") },
  "/admin/incidents/[id]": { access: "staff", paths: (f) => [`/admin/incidents/${f.b.incidentId}`] },
  "/admin/incidents/new": { access: "staff", paths: at("/admin/incidents/new") },
  "/admin/incidents/templates": { access: "staff", paths: at("/admin/incidents/templates") },
  "/admin/maintenance": { access: "staff", paths: at("/admin/maintenance") },
  "/admin/maintenance/[id]": { access: "staff", paths: (f) => [`/admin/maintenance/${f.maintenanceId}`] },
  "/admin/maintenance/new": { access: "staff", paths: at("/admin/maintenance/new") },
  "/admin/qa": { access: "staff", paths: at("/admin/qa") },
  "/admin/restoration": { access: "staff", paths: at("/admin/restoration") },
  "/admin/restoration/imports": { access: "staff", paths: at("/admin/restoration/imports") },
  "/admin/restoration/plan": { access: "staff", paths: at("/admin/restoration/plan") },
  "/admin/restoration/subscribers": { access: "staff", paths: (f) => [`/admin/restoration/subscribers?q=${encodeURIComponent(f.b.account.email)}`] },
  "/admin/restoration/subscribers/[userId]": { access: "staff", paths: (f) => [`/admin/restoration/subscribers/${f.b.account.id}`] },
  "/admin/tokens": { access: "admin", paths: at("/admin/tokens") },
  "/api/admin/email/counts": { access: "staff", paths: at("/api/admin/email/counts?ref=incident-update:1") },
  // next-auth's endpoints: public by nature (sign-in, the session of whoever asks).
  "/api/auth/[...nextauth]": { access: "public", paths: at("/api/auth/session", "/api/auth/csrf", "/api/auth/providers") },
  "/api/claims": { access: "signed-in", paths: at("/api/claims"), probe: { method: "POST", data: {} } },
  "/api/email/unsubscribe": { access: "link", paths: at("/api/email/unsubscribe?list=incidents&token=not-a-token") },
  // Each web instance's own cache-expiry endpoint: its listener calls it over loopback with a notice
  // signed by the instance's key (the signature is the authority); the edge does not route it at all.
  "/api/internal/public-change": { access: "link", internal: true, paths: at("/api/internal/public-change"), probe: { method: "POST", data: { from: "x", change: { kind: "status" } } } },
  "/api/forum/incidents/[slug]/lock": { access: "staff", paths: (f) => [`/api/forum/incidents/${f.qa.slug}/lock`], probe: { method: "DELETE" } },
  "/api/forum/incidents/[slug]/questions": { access: "signed-in", paths: (f) => [`/api/forum/incidents/${f.qa.slug}/questions`], probe: { method: "POST", data: {} } },
  "/api/forum/incidents/[slug]/threads": { access: "public", paths: (f) => [`/api/forum/incidents/${f.qa.slug}/threads`] },
  "/api/forum/incidents/[slug]/threads/[id]/replies": { access: "public", paths: (f) => [`/api/forum/incidents/${f.qa.slug}/threads/${f.qa.postId}/replies`] },
  "/api/forum/incidents/[slug]/viewer": { access: "public", paths: (f) => [`/api/forum/incidents/${f.qa.slug}/viewer?ids=${f.qa.postId}`] },
  "/api/forum/posts/[id]/faq": { access: "staff", paths: (f) => [`/api/forum/posts/${f.qa.postId}/faq`], probe: { method: "DELETE" } },
  "/api/forum/posts/[id]/hide": { access: "staff", paths: (f) => [`/api/forum/posts/${f.qa.postId}/hide`], probe: { method: "DELETE" } },
  "/api/forum/posts/[id]/lock": { access: "staff", paths: (f) => [`/api/forum/posts/${f.qa.postId}/lock`], probe: { method: "DELETE" } },
  "/api/forum/posts/[id]/pin": { access: "staff", paths: (f) => [`/api/forum/posts/${f.qa.postId}/pin`], probe: { method: "DELETE" } },
  "/api/forum/posts/[id]/replies": { access: "signed-in", paths: (f) => [`/api/forum/posts/${f.qa.postId}/replies`], probe: { method: "POST", data: {} } },
  "/api/forum/posts/[id]/vote": { access: "signed-in", paths: (f) => [`/api/forum/posts/${f.qa.postId}/vote`], probe: { method: "PUT" } },
  "/api/me/recovery": { access: "signed-in", paths: at("/api/me/recovery") },
  "/api/v1/incidents": { access: "public", paths: at("/api/v1/incidents") },
  "/api/v1/incidents/[slug]": { access: "public", paths: (f) => [`/api/v1/incidents/${f.b.incidentSlug}`] },
  "/api/v1/restoration/batches": { access: "token-or-staff", paths: at("/api/v1/restoration/batches"), probe: { method: "POST", data: "", headers: { "X-Requested-With": "aftercare" } } },
  "/api/v1/restoration/batches/[id]": { access: "token-or-staff", paths: (f) => [`/api/v1/restoration/batches/${f.batchId}`] },
  "/api/v1/restoration/batches/[id]/errors": { access: "token-or-staff", paths: (f) => [`/api/v1/restoration/batches/${f.batchId}/errors`] },
  "/api/v1/status": { access: "public", paths: at("/api/v1/status") },
  // A redirect to the static mirror's public address (STATUS_MIRROR_URL), or 404 when none is set.
  "/status-mirror": { access: "public", paths: at("/status-mirror") },
  "/claims": { access: "signed-in", paths: at("/claims") },
  "/claims/[number]": { access: "signed-in", paths: (f) => [`/claims/${f.a.claimNumber}`] },
  "/dev/mailbox": { access: "dev", paths: at("/dev/mailbox") },
  "/dev/mailbox/[id]": { access: "dev", paths: at("/dev/mailbox/1700000000000-abcdef12") },
  "/feed.atom": { access: "public", paths: at("/feed.atom") },
  "/feed.rss": { access: "public", paths: at("/feed.rss") },
  "/forbidden": { access: "public", paths: at("/forbidden") },
  "/history/[[...page]]": { access: "public", paths: at("/history") },
  "/icon.svg": { access: "public", paths: at("/icon.svg") },
  "/incidents/[slug]": { access: "public", paths: (f) => [`/incidents/${f.b.incidentSlug}`] },
  "/me": { access: "signed-in", paths: at("/me") },
  // Signed out, the page offers sign-in or the emailed link; signed in, it shows the caller's own choices.
  "/preferences": { access: "public", paths: at("/preferences") },
  "/preferences/[token]": { access: "link", paths: at("/preferences/not-a-token") },
  "/signin": { access: "public", paths: at("/signin") },
  "/signin/check-email": { access: "public", paths: at("/signin/check-email?email=someone%40example.com") },
  "/signin/error": { access: "public", paths: at("/signin/error") },
  "/signin/landing": { access: "public", paths: at("/signin/landing") },
  "/subscribe": { access: "public", paths: at("/subscribe") },
  "/subscribe/confirm/[token]": { access: "link", paths: at("/subscribe/confirm/not-a-token") },
};

/** Server actions by "<file>#<export>", with the arguments a form of theirs passes. */
export interface ActionRule {
  access: Exclude<Access, "dev" | "framework" | "token-or-staff">;
  /** Leading bound arguments (a signed token, a list) before the form's own (previous state, form). */
  bound?: string[];
  /** Actions called with no form (a button): (previous state) only. */
  noForm?: boolean;
}

export const ACTIONS: Record<string, ActionRule> = {
  "app/admin/claims/actions.ts#decideClaimsAction": { access: "staff" },
  "app/admin/claims/codes/actions.ts#importCodesAction": { access: "admin" },
  "app/admin/claims/grant-action.ts#grantOfferAction": { access: "staff" },
  "app/admin/claims/offers/actions.ts#createOfferAction": { access: "staff" },
  "app/admin/claims/offers/actions.ts#updateOfferAction": { access: "staff" },
  "app/admin/email/actions.ts#liftSuppressionAction": { access: "staff" },
  "app/admin/email/actions.ts#retryAction": { access: "staff" },
  "app/admin/incidents/[id]/actions.ts#editIncidentAction": { access: "staff" },
  "app/admin/incidents/[id]/actions.ts#editUpdateAction": { access: "staff" },
  "app/admin/incidents/[id]/actions.ts#postUpdateAction": { access: "staff" },
  "app/admin/incidents/[id]/actions.ts#savePostmortemAction": { access: "staff" },
  "app/admin/incidents/actions.ts#createIncidentAction": { access: "staff" },
  "app/admin/incidents/templates/actions.ts#deleteTemplateAction": { access: "staff" },
  "app/admin/incidents/templates/actions.ts#saveTemplateAction": { access: "staff" },
  "app/admin/maintenance/actions.ts#editMaintenanceAction": { access: "staff" },
  "app/admin/maintenance/actions.ts#scheduleMaintenanceAction": { access: "staff" },
  "app/admin/maintenance/actions.ts#transitionMaintenanceAction": { access: "staff" },
  "app/admin/qa/actions.ts#answerAction": { access: "staff" },
  "app/admin/qa/actions.ts#hideAction": { access: "staff" },
  "app/admin/qa/actions.ts#pinAction": { access: "staff" },
  "app/admin/qa/actions.ts#unhideAction": { access: "staff" },
  "app/admin/restoration/plan/actions.ts#movePhaseAction": { access: "staff" },
  "app/admin/restoration/plan/actions.ts#savePhase": { access: "staff" },
  "app/admin/restoration/subscribers/[userId]/actions.ts#transitionRecordAction": { access: "staff" },
  "app/admin/tokens/actions.ts#createToken": { access: "admin" },
  "app/admin/tokens/actions.ts#revokeToken": { access: "admin" },
  "app/claims/[number]/actions.ts#revealCodeAction": { access: "signed-in" },
  "app/claims/actions.ts#submitClaimAction": { access: "signed-in" },
  "app/preferences/[token]/actions.ts#saveEmailPreferences": { access: "link", bound: ["not-a-token"] },
  "app/preferences/[token]/actions.ts#stopList": { access: "link", bound: ["not-a-token", "incidents"], noForm: true },
  "app/preferences/[token]/actions.ts#unsubscribeFromEverything": { access: "link", bound: ["not-a-token"], noForm: true },
  "app/preferences/actions.ts#savePreferences": { access: "signed-in" },
  "app/subscribe/actions.ts#subscribeByEmail": { access: "public" },
  "app/subscribe/confirm/[token]/actions.ts#confirmByLink": { access: "link", bound: ["not-a-token"], noForm: true },
};

/**
 * Route handlers that accept cross-site writes on purpose. Each is named with why; every other
 * POST/PUT/PATCH/DELETE must answer 403 to a request from another site.
 */
export const CROSS_SITE_EXCEPTIONS: Record<string, string> = {
  "/api/email/unsubscribe":
    "RFC 8058 one-click unsubscribe: mail providers POST it from their own servers with no cookies; the signed token in the URL is the only authority, so a forged request can do nothing the link's owner could not.",
};

/**
 * Cross-site calls that are accepted only with an API token in `Authorization` (which a browser never
 * attaches by itself): the recovery pipeline calls these from its own machines. Cookie callers from
 * another site are refused like everywhere else.
 */
export const TOKEN_AUTHENTICATED_WRITES: Record<string, string> = {
  "/api/v1/restoration/batches": "The recovery pipeline uploads progress with `Authorization: Bearer <API token>` from outside any browser.",
};
