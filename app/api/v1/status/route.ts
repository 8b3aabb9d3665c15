import { siteOrigin } from "@/lib/branding";
import { statusDocument } from "@/lib/public/api-documents";
import { readStatusOverview } from "@/lib/public/public-reads";
import { publicJson } from "@/lib/public/public-response";

/** GET /api/v1/status — overall status, components, active incidents, scheduled maintenance. */
export async function GET(request: Request) {
  return publicJson(request, statusDocument(await readStatusOverview(), siteOrigin()));
}
