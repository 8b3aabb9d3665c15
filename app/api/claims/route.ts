import { after } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { getFraudSignals } from "@/lib/claims/fraud-signals";
import { submitClaim } from "@/lib/claims/submit-claim";
import { env } from "@/lib/env";
import { errorResponse, Forbidden } from "@/lib/errors";
import { isCrossSite } from "@/lib/security/cross-site";
import { browserDeviceId } from "@/lib/security/device-id";
import { clientIp } from "@/lib/security/client-ip";

const PRIVATE = { "Cache-Control": "private, no-store" } as const;
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
    const deviceId = await browserDeviceId();
    const result = await submitClaim({ actor, input: body, context: { ip: clientIp(request.headers, env().TRUSTED_PROXY_HOPS), deviceId, afterResponse: after, autoApprove: getFraudSignals } });
    return Response.json(result, { status: result.created ? 201 : 200, headers: PRIVATE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
}
