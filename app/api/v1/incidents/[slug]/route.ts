import { siteOrigin } from "@/lib/branding";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { errorResponse, NotFound, Unavailable } from "@/lib/errors";
import { PUBLIC_UNAVAILABLE_MESSAGE } from "@/lib/http/unavailable";
import { incidentDocument } from "@/lib/public/api-documents";
import { readIncident } from "@/lib/public/public-reads";
import { publicJson } from "@/lib/public/public-response";

/** GET /api/v1/incidents/{slug} — one incident with its updates, FAQ and published postmortem. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const incident = await readIncident((await params).slug);
    if (!incident) return errorResponse(NotFound("There is no incident with that slug."));
    return publicJson(request, incidentDocument(incident, siteOrigin()));
  } catch (error) {
    // Never cached and the database is down: 503 with Retry-After rather than a bare 500.
    return errorResponse(isDatabaseUnavailable(error) ? Unavailable(PUBLIC_UNAVAILABLE_MESSAGE, error) : error);
  }
}
