import type { NextRequest } from "next/server";
import { getCachedThreadPage } from "@/lib/forum/cached-threads";
import { ListThreadsInput } from "@/lib/forum/list-threads";
import { parseInput } from "@/lib/parse-input";
import { publicRead, type IncidentRoute } from "@/app/api/forum/_shared/handlers";

/** A page of an incident's Q&A ("Load more", sort switch), from the same cache as the page itself. */
export async function GET(request: NextRequest, { params }: IncidentRoute) {
  return publicRead(async () => {
    const query = request.nextUrl.searchParams;
    const input = parseInput(ListThreadsInput, { incidentSlug: (await params).slug, sort: query.get("sort") ?? undefined, cursor: query.get("cursor") || null });
    return getCachedThreadPage(input.incidentSlug, input.sort, input.cursor ?? null);
  });
}
