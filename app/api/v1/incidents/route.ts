import { siteOrigin } from "@/lib/branding";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { errorResponse, Invalid, Unavailable } from "@/lib/errors";
import { PUBLIC_UNAVAILABLE_MESSAGE } from "@/lib/http/unavailable";
import { incidentListDocument } from "@/lib/public/api-documents";
import { readIncidentPage } from "@/lib/public/public-reads";
import { publicJson } from "@/lib/public/public-response";

/** GET /api/v1/incidents?page=N — all incidents, newest first, 20 per page. */
export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get("page") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(raw)) return errorResponse(Invalid("page must be a whole number from 1 up."));
  try {
    return publicJson(request, incidentListDocument(await readIncidentPage(Number(raw)), siteOrigin()));
  } catch (error) {
    // A page never cached and the database down: 503 with Retry-After rather than a bare 500.
    return errorResponse(isDatabaseUnavailable(error) ? Unavailable(PUBLIC_UNAVAILABLE_MESSAGE, error) : error);
  }
}
