import { sessionTokenFrom } from "@/lib/auth/session-lookup";
import { errorResponse, Forbidden, Unauthorized } from "@/lib/errors";
import type { AfterResponse } from "@/lib/http/web-handler";
import { isCrossSite } from "@/lib/security/cross-site";
import { requestDeviceId } from "@/lib/security/device-cookie";
import { clientIp } from "@/lib/security/client-ip";
import { getFraudSignals } from "./fraud-signals";
import { submitClaimWithSession } from "./submit-claim";

const PRIVATE = { "Cache-Control": "private, no-store" } as const;

/**
 * `POST /api/claims`: the claim form as JSON, for scripted clients — the same use case, session and
 * idempotency key as the form on /claims. Answers { number, created }; a repeat of the same key
 * answers the same number. Served by the API service (lib/http/api-service.ts), which hands it
 * a queue for the work that follows the response.
 */
export async function handleClaimPost(request: Request, afterResponse: AfterResponse): Promise<Response> {
  let deviceCookie: string | undefined;
  let response: Response;
  try {
    if (isCrossSite(request)) throw Forbidden("This request came from another site and was refused.");
    if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) throw Forbidden("Send the claim as application/json.");
    // The session is resolved with the claim's context, in one statement (submitClaimWithSession).
    const sessionToken = sessionTokenFrom(request.headers.get("cookie"));
    if (!sessionToken) throw Unauthorized();
    const body: unknown = await request.json().catch(() => ({}));
    const device = requestDeviceId(request);
    deviceCookie = device.setCookie;
    const context = { ip: clientIp(request.headers), deviceId: device.id, afterResponse, autoApprove: getFraudSignals };
    const result = await submitClaimWithSession({ sessionToken, input: body, context });
    response = Response.json(result, { status: result.created ? 201 : 200, headers: PRIVATE });
  } catch (error) {
    response = errorResponse(error);
    response.headers.set("Cache-Control", PRIVATE["Cache-Control"]);
  }
  if (deviceCookie) response.headers.append("Set-Cookie", deviceCookie);
  return response;
}
