import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, userForSessionToken } from "@/lib/auth/session-lookup";
import { isAdmin, isStaff } from "@/lib/auth/roles";

// Runs only for signed-in areas (see matcher): public pages never pay for a session lookup.
export async function proxy(request: NextRequest) {
  const token = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean);
  const role = token ? (await userForSessionToken(token))?.role : null;

  if (!role) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  if (request.nextUrl.pathname.startsWith("/admin") && !isStaff(role)) {
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403 });
  }
  if (request.nextUrl.pathname.startsWith("/admin/tokens") && !isAdmin(role)) {
    return NextResponse.rewrite(new URL("/forbidden?for=admin", request.url), { status: 403 });
  }
  return NextResponse.next();
}

// /me checks its own session on the page (one query instead of two per view).
export const config = { matcher: ["/admin/:path*"] };
