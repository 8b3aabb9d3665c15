import { expirePublicCache } from "@/lib/public/mark-public-change";
import { parseNotice, verifyNoticeSignature } from "@/lib/public/public-change-signal";

/**
 * `POST /api/internal/public-change`: this instance expires its cached public pages for a change
 * another process announced. Called only by the instance's own listener (instrumentation.ts), over
 * loopback, with a signed notice; the edge does not route /api/internal/ at all.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  if (!verifyNoticeSignature(body, request.headers.get("x-aftercare-signature"))) {
    return Response.json({ error: { code: "FORBIDDEN", message: "This endpoint is for the instance's own use." } }, { status: 403 });
  }
  const notice = parseNotice(body);
  if (!notice) return Response.json({ error: { code: "INVALID", message: "Not a public-change notice." } }, { status: 400 });
  expirePublicCache(notice.change);
  return new Response(null, { status: 204 });
}
