import type { NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { errorResponse, Invalid } from "@/lib/errors";
import { getViewer } from "@/lib/forum/get-viewer";
import type { IncidentRoute } from "@/app/api/forum/_shared/handlers";

const PRIVATE = { "Cache-Control": "private, no-store" } as const;

function parseIds(raw: string | null): number[] {
  if (!raw) return [];
  const ids = raw.split(",").filter(Boolean).map(Number);
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) throw Invalid("ids must be a comma-separated list of post numbers.", { field: "ids" });
  return [...new Set(ids)];
}

/** Who is looking and which of the listed posts they voted on: never cached, never shared. */
export async function GET(request: NextRequest, { params }: IncidentRoute) {
  try {
    const viewer = await getViewer({ actor: await currentUser(), input: { incidentSlug: (await params).slug, postIds: parseIds(request.nextUrl.searchParams.get("ids")) } });
    return Response.json(viewer, { headers: PRIVATE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
}
