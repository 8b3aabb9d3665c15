import { statusMirrorUrl } from "@/lib/http/unavailable";

// A stable address for the static mirror (STATUS_MIRROR_URL), so pages rendered in the browser
// (error boundaries) can link to it without knowing the deployment's configuration.
export function GET(): Response {
  const mirror = statusMirrorUrl();
  if (!mirror) return new Response("No status page mirror is configured.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return Response.redirect(mirror, 307);
}
