import NextAuth from "next-auth";
import { z } from "zod";
import { authOptions } from "@/lib/auth/options";
import { checkSignInLimits } from "@/lib/auth/check-signin-limits";
import { env } from "@/lib/env";
import { errorResponse, Forbidden, toAppError } from "@/lib/errors";
import { clientIp } from "@/lib/security/client-ip";
import { isCrossSite } from "@/lib/security/cross-site";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

export const GET = handler;

/** Same shape next-auth answers with, so its client shows the error instead of navigating. */
function errorUrl(error: string, status: number, headers: Record<string, string> = {}) {
  const url = new URL("/signin", env().NEXTAUTH_URL);
  url.searchParams.set("error", error);
  return Response.json({ url: url.toString() }, { status, headers });
}

export async function POST(request: Request, context: Context) {
  // next-auth's CSRF token already guards these; refusing another site's POST here as well keeps
  // one rule for every write (403, before the sign-in limits or next-auth run).
  if (isCrossSite(request)) return errorResponse(Forbidden("This request came from another site and was refused."));
  const { nextauth } = await context.params;
  if (nextauth[0] === "signin" && nextauth[1] === "email") {
    const form = await request.clone().formData();
    const email = String(form.get("email") ?? "").trim();
    if (!z.email().safeParse(email).success) return errorUrl("InvalidEmail", 400);
    try {
      await checkSignInLimits({ email, ip: clientIp(request.headers) });
    } catch (error) {
      const appError = toAppError(error);
      if (appError?.code !== "RATE_LIMITED" && appError?.code !== "UNAVAILABLE") throw error;
      const retry = Number(appError.details?.retryAfterSeconds ?? 60);
      // The database is down: say so (503), rather than failing with an empty 500.
      if (appError.code === "UNAVAILABLE") return errorUrl("Unavailable", 503, { "Retry-After": String(retry) });
      return errorUrl("RateLimited", 429, { "Retry-After": String(retry) });
    }
  }
  return handler(request, context);
}
