import { siteOrigin } from "@/lib/branding";
import { errorResponse, NotFound } from "@/lib/errors";
import { incidentDocument } from "@/lib/public/api-documents";
import { readIncident } from "@/lib/public/public-reads";
import { publicJson } from "@/lib/public/public-response";

/** GET /api/v1/incidents/{slug} — one incident with its updates, FAQ and published postmortem. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const incident = await readIncident((await params).slug);
  if (!incident) return errorResponse(NotFound("There is no incident with that slug."));
  return publicJson(request, incidentDocument(incident, siteOrigin()));
}
