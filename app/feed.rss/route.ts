import { feedResponse } from "@/lib/incidents/feed-response";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return feedResponse(request, "rss");
}
