import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { errorResponse, Forbidden } from "@/lib/errors";
import { isCrossSite } from "@/lib/security/cross-site";
import { markPublicChange } from "@/lib/public/mark-public-change";

export type PostRoute = { params: Promise<{ id: string }> };
export type IncidentRoute = { params: Promise<{ slug: string }> };

const PRIVATE = { "Cache-Control": "private, no-store" } as const;

async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * One Q&A change on behalf of the signed-in person: the acting user comes from the session, the use
 * case decides, and only after it has committed is the incident's cached Q&A marked stale.
 */
export async function forumMutation<Result extends { incidentSlug: string }>(
  request: Request,
  run: (actor: Actor, body: Record<string, unknown>) => Promise<Result>,
): Promise<Response> {
  try {
    if (isCrossSite(request)) throw Forbidden("This request came from another site and was refused.");
    const actor = await requireUser();
    const result = await run(actor, await jsonBody(request));
    markPublicChange({ kind: "qa", incidentSlug: result.incidentSlug });
    return Response.json(result, { headers: PRIVATE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
}

/** A read whose answer is the same for everyone: CDNs may keep it a few seconds. */
export async function publicRead(read: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await read(), { headers: { "Cache-Control": "public, s-maxage=5, stale-while-revalidate=60" } });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
}
