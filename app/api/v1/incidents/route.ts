import { siteOrigin } from "@/lib/branding";
import { errorResponse, Invalid } from "@/lib/errors";
import { incidentListDocument } from "@/lib/public/api-documents";
import { readIncidentPage } from "@/lib/public/public-reads";
import { publicJson } from "@/lib/public/public-response";

/** GET /api/v1/incidents?page=N — all incidents, newest first, 20 per page. */
export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get("page") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(raw)) return errorResponse(Invalid("page must be a whole number from 1 up."));
  const list = await readIncidentPage(Number(raw));
  return publicJson(request, incidentListDocument(list, siteOrigin()));
}
