import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenFrom, userFromRequest } from "@/lib/auth/session-lookup";
import { isAdmin, isStaff } from "@/lib/auth/roles";
import { withCspNonce } from "@/lib/http/csp-nonce";

function signInRedirect(request: NextRequest): NextResponse {
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Runs only for signed-in areas and pages rendered per request (see matcher): public pages never
// pay for a session lookup or a nonce, and stay the same bytes for everyone.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // "My recovery" is one static shell for everyone; its data (GET /api/me/recovery) checks the
  // session itself. A visitor with no session cookie at all goes straight to sign-in, without a
  // database query; whether a cookie that is present is still valid, the data request decides.
  // Being prerendered, it keeps the static policy from next.config.ts.
  if (pathname === "/me") {
    return sessionTokenFrom(request.headers.get("cookie")) ? NextResponse.next() : signInRedirect(request);
  }
  if (!pathname.startsWith("/admin")) return withCspNonce(request, (init) => NextResponse.next(init));

  const role = (await userFromRequest(request))?.role;
  if (!role) return signInRedirect(request);
  if (!isStaff(role)) {
    return withCspNonce(request, (init) => NextResponse.rewrite(new URL("/forbidden", request.url), { ...init, status: 403 }));
  }
  if (pathname.startsWith("/admin/tokens") && !isAdmin(role)) {
    return withCspNonce(request, (init) => NextResponse.rewrite(new URL("/forbidden?for=admin", request.url), { ...init, status: 403 }));
  }
  return withCspNonce(request, (init) => NextResponse.next(init));
}

// Every page here is dynamic (ƒ in `next build`'s list) and gets a nonce; a prerendered page must
// not be listed, or its scripts (rendered without the nonce) would be refused.
export const config = {
  matcher: ["/admin/:path*", "/me", "/claims/:path*", "/signin/:path*", "/subscribe/:path*", "/preferences/:path*", "/forbidden", "/dev/:path*"],
};
