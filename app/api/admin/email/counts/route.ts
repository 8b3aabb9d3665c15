import { requireStaff } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { getDeliveryCounts } from "@/lib/notifications/admin/get-delivery-counts";

export const dynamic = "force-dynamic";

/** Live delivery counts of one event (`?ref=incident-update:42`) for the staff incident page. */
export async function GET(request: Request) {
  try {
    // The /admin proxy does not cover /api: the session check here is the only gate.
    const actor = await requireStaff();
    const counts = await getDeliveryCounts({ actor, input: { ref: new URL(request.url).searchParams.get("ref") ?? "" } });
    return Response.json(counts, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
}
