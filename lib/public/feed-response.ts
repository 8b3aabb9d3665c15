import { providerName, siteOrigin } from "@/lib/branding";
import { buildAtom, buildRss } from "./build-feed";
import { readFeedEntries } from "./public-reads";
import { publicResponse } from "./public-response";

const CONTENT_TYPE = { atom: "application/atom+xml; charset=utf-8", rss: "application/rss+xml; charset=utf-8" } as const;

/** The Atom or RSS feed from the data cache; readers polling every minute mostly get 304s. */
export async function feedResponse(request: Request, format: "atom" | "rss"): Promise<Response> {
  const entries = await readFeedEntries();
  const updatedAt = new Date(Math.max(0, ...entries.map((e) => e.updated.getTime())));
  const base = siteOrigin();
  const title = `${providerName()} status`;
  const body = format === "atom" ? buildAtom({ base, title, entries, updatedAt }) : buildRss({ base, title, entries, updatedAt });
  return publicResponse(request, body, CONTENT_TYPE[format]);
}
