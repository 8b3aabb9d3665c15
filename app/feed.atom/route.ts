import { feedResponse } from "@/lib/public/feed-response";

export function GET(request: Request) {
  return feedResponse(request, "atom");
}
