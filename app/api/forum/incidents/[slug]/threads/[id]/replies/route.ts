import type { NextRequest } from "next/server";
import { getCachedReplyPage } from "@/lib/forum/cached-threads";
import { ListRepliesInput } from "@/lib/forum/list-replies";
import { parseInput } from "@/lib/parse-input";
import { publicRead } from "@/app/api/forum/_shared/handlers";

/** Every reply of one question ("Show all replies"), a page at a time. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return publicRead(async () => {
    const { slug, id } = await params;
    const input = parseInput(ListRepliesInput, { incidentSlug: slug, questionId: id, cursor: request.nextUrl.searchParams.get("cursor") || null });
    return getCachedReplyPage(input.incidentSlug, input.questionId, input.cursor ?? null);
  });
}
