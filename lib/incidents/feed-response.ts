import { providerName } from "@/lib/branding";
import { env } from "@/lib/env";
import { buildAtom, buildRss } from "./build-feed";
import { listFeedEntries } from "./list-feed-entries";

/** A feed response with validators, so readers polling every minute mostly get 304s. */
export async function feedResponse(request: Request, format: "atom" | "rss"): Promise<Response> {
  const entries = await listFeedEntries();
  const updatedAt = entries[0]?.createdAt ?? new Date(0);
  const base = env().NEXTAUTH_URL.replace(/\/$/, "");
  const title = `${providerName()} status`;
  const etag = `"${format}-${entries.length}-${entries[0]?.id ?? 0}-${updatedAt.getTime()}"`;
  const headers = {
    "Content-Type": format === "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
    "Cache-Control": "public, max-age=30, s-maxage=30, stale-while-revalidate=300",
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = format === "atom" ? buildAtom({ base, title, entries, updatedAt }) : buildRss({ base, title, entries, updatedAt });
  return new Response(body, { headers });
}
