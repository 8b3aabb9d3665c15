import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenFrom, userFromRequest } from "@/lib/auth/session-lookup";
import { isAdmin, isStaff } from "@/lib/auth/roles";
import { toAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_PATHS, apiOrigin } from "@/lib/http/api-origin";
import { withCspNonce } from "@/lib/http/csp-nonce";
import { forbiddenResponse } from "@/lib/http/forbidden";
import { unavailableResponse } from "@/lib/http/unavailable";
import { isCrossSite } from "@/lib/security/cross-site";

function signInRedirect(request: NextRequest): NextResponse {
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

/**
 * A server action posted from another site is refused here with 403; Next.js would refuse it too,
 * but with a 500. Only requests carrying the `next-action` header reach this (see matcher).
 */
function refuseCrossSiteAction(request: NextRequest): NextResponse | undefined {
  if (!request.headers.has("next-action") || !isCrossSite(request)) return undefined;
  return new NextResponse("Cross-site requests cannot change anything here.\n", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Areas whose session is checked here before anything renders. */
const SIGNED_IN_AREA = /^\/(?:admin|claims)(?:\/|$)|^\/preferences$/;

/** The session's role; a lookup that fails (database down) becomes the 503 page, never "signed out". */
async function roleOf(request: NextRequest): Promise<{ role?: Role; unavailable?: Response }> {
  try {
    return { role: (await userFromRequest(request))?.role };
  } catch (error) {
    if (toAppError(error)?.code === "UNAVAILABLE") return { unavailable: unavailableResponse(request) };
    throw error;
  }
}

// Runs only for signed-in areas, pages rendered per request and server-action posts (see matcher):
// public pages never pay for a session lookup or a nonce, and stay the same bytes for everyone.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // The burst endpoints live in the API service (npm run api): under `next dev`, or `next start`
  // without nginx in front, they are forwarded there, so each exists once.
  if (API_PATHS.includes(pathname)) return NextResponse.rewrite(new URL(pathname + request.nextUrl.search, apiOrigin()));
  const refused = refuseCrossSiteAction(request);
  if (refused) return refused;
  // "My recovery" is one static shell for everyone; its data (GET /api/me/recovery) checks the
  // session itself. A visitor with no session cookie at all goes straight to sign-in, without a
  // database query; whether a cookie that is present is still valid, the data request decides.
  // Being prerendered, it keeps the static policy from next.config.ts.
  if (pathname === "/me") {
    return sessionTokenFrom(request.headers.get("cookie")) ? NextResponse.next() : signInRedirect(request);
  }
  const next = () => withCspNonce(request, (init) => NextResponse.next(init));
  if (!SIGNED_IN_AREA.test(pathname)) return next();

  // Email preferences show a sign-in prompt to visitors without a session; only a lookup that
  // fails is answered here.
  const preferences = pathname === "/preferences";
  if (preferences && !sessionTokenFrom(request.headers.get("cookie"))) return next();

  const { role, unavailable } = await roleOf(request);
  if (unavailable) return unavailable;
  if (preferences) return next();
  if (!role) return signInRedirect(request);
  if (pathname.startsWith("/admin") && !isStaff(role)) return forbiddenResponse({ adminsOnly: false });
  if (pathname.startsWith("/admin/tokens") && !isAdmin(role)) return forbiddenResponse({ adminsOnly: true });
  return next();
}

// Every page here is dynamic (ƒ in `next build`'s list) and gets a nonce; a prerendered page must
// not be listed, or its scripts (rendered without the nonce) would be refused. Server-action posts
// anywhere are matched by their header only, so ordinary page views pay nothing.
export const config = {
  matcher: [
    "/admin/:path*",
    "/me",
    "/api/claims",
    "/api/me/recovery",
    "/claims/:path*",
    "/signin/:path*",
    "/subscribe/:path*",
    "/preferences/:path*",
    "/forbidden",
    "/dev/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
