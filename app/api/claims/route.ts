import { after } from "next/server";
import { handleClaimPost } from "@/lib/claims/claim-api";

export function POST(request: Request): Promise<Response> {
  return handleClaimPost(request, after);
}
