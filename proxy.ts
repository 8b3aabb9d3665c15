import { NextResponse, type NextRequest } from "next/server";
import { userFromRequest } from "@/lib/auth/session-lookup";
import { isAdmin, isStaff } from "@/lib/auth/roles";

// Runs only for signed-in areas (see matcher): public pages never pay for a session lookup.
export async function proxy(request: NextRequest) {
  const role = (await userFromRequest(request))?.role;

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

// /me is the same shell for everyone; its data (GET /api/me/recovery) checks the session itself.
export const config = { matcher: ["/admin/:path*"] };
