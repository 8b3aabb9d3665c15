import { isStaff } from "@/lib/auth/roles";
import { userFromRequest } from "@/lib/auth/session-lookup";
import { getMyCompensation, type MyIncidentCompensation } from "@/lib/claims/get-my-compensation";
import { errorResponse, Unauthorized } from "@/lib/errors";
import type { Jsonified } from "@/lib/http/json";
import { getMyRecovery, type MyRecovery } from "./get-my-recovery";

export interface MyRecoveryPayload {
  user: { email: string; staff: boolean };
  incidents: MyRecovery;
  compensation: MyIncidentCompensation[];
  generatedAt: Date;
}

/** The payload as the browser receives it. */
export type MyRecoveryJson = Jsonified<MyRecoveryPayload>;

const PRIVATE = { "Cache-Control": "private, no-store" } as const;

/**
 * `GET /api/me/recovery`: everything "My recovery" shows, for the signed-in subscriber only — the
 * user comes from the session cookie, never from the request, so no id can point at someone
 * else. /me is the same page shell for everyone and fills itself from here, so the busiest signed-in
 * view costs the server one small JSON answer (served by the API service, lib/http/api-service.ts).
 */
export async function handleMyRecoveryGet(request: Request): Promise<Response> {
  try {
    const user = await userFromRequest(request);
    if (!user) throw Unauthorized();
    const [incidents, compensation] = await Promise.all([getMyRecovery(user), getMyCompensation(user)]);
    const payload: MyRecoveryPayload = { user: { email: user.email, staff: isStaff(user.role) }, incidents, compensation, generatedAt: new Date() };
    return Response.json(payload, { headers: PRIVATE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", PRIVATE["Cache-Control"]);
    return response;
  }
}
