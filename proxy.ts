import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenFrom, userFromRequest } from "@/lib/auth/session-lookup";
import { isAdmin, isStaff } from "@/lib/auth/roles";

function signInRedirect(request: NextRequest): NextResponse {
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Runs only for signed-in areas (see matcher): public pages never pay for a session lookup.
export async function proxy(request: NextRequest) {
  // "My recovery" is one static shell for everyone; its data (GET /api/me/recovery) checks the
  // session itself. A visitor with no session cookie at all goes straight to sign-in, without a
  // database query; whether a cookie that is present is still valid, the data request decides.
  if (request.nextUrl.pathname === "/me") {
    return sessionTokenFrom(request.headers.get("cookie")) ? NextResponse.next() : signInRedirect(request);
  }

  const role = (await userFromRequest(request))?.role;
  if (!role) return signInRedirect(request);
  if (request.nextUrl.pathname.startsWith("/admin") && !isStaff(role)) {
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403 });
  }
  if (request.nextUrl.pathname.startsWith("/admin/tokens") && !isAdmin(role)) {
    return NextResponse.rewrite(new URL("/forbidden?for=admin", request.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin/:path*", "/me"] };
