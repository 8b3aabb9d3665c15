import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { getFraudSignals } from "@/lib/claims/fraud-signals";
import { submitClaim } from "@/lib/claims/submit-claim";
import { env } from "@/lib/env";
import { errorResponse, Forbidden } from "@/lib/errors";
import { clientIp } from "@/lib/security/client-ip";

const PRIVATE = { "Cache-Control": "private, no-store" } as const;
const DEVICE_COOKIE = "aftercare_device";

/** Cookies alone must not submit a claim: a request another site makes a browser send is refused. */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return Boolean(site && site !== "same-origin" && site !== "none");
}

function deviceIdOf(request: Request): string | null {
  const match = /(?:^|;\s*)aftercare_device=([0-9a-f-]{36})/.exec(request.headers.get("cookie") ?? "");
  return match?.[1] ?? null;
}

/**
 * The claim form as JSON, for scripted clients: the same use case, session and idempotency key as
 * the form on /claims. Answers { number, created }; a repeat of the same key answers the same number.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    if (isCrossSite(request)) throw Forbidden("This request came from another site and was refused.");
    if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) throw Forbidden("Send the claim as application/json.");
    const actor = await requireUser();
    const body: unknown = await request.json().catch(() => ({}));
    const existingDevice = deviceIdOf(request);
    const deviceId = existingDevice ?? randomUUID();
    const result = await submitClaim({ actor, input: body, context: { ip: clientIp(request.headers, env().TRUSTED_PROXY_HOPS), deviceId, afterResponse: after, autoApprove: getFraudSignals } });
    const headers = new Headers(PRIVATE);
    if (!existingDevice) headers.append("Set-Cookie", `${DEVICE_COOKIE}=${deviceId}; Path=/; Max-Age=${60 * 60 * 24 * 400}; HttpOnly; SameSite=Lax`);
    return Response.json(result, { status: result.created ? 201 : 200, headers });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
}
