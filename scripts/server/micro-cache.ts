// A one-second in-memory cache in front of Next.js for anonymous GETs of public documents.
// Next.js's own cache already avoids the database, but its request pipeline costs ~0.6 ms of CPU
// per cached page; under a spike that is the bottleneck. Here a hit is a Map lookup and a socket
// write, and Next.js sees at most one request per document per second, so its caching and tag
// revalidation still decide what the content is. Responses Next.js marks uncacheable pass through.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

export interface OriginResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  fetchedAt: number;
}

export interface MicroCacheOptions {
  /** Fetches the document from Next.js; rejects when it cannot be reached. */
  origin: (url: string) => Promise<OriginResponse>;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

// Headers that describe one transfer, not the document.
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]);
const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript))/;

export function isCacheable(status: number, headers: Record<string, string>): boolean {
  if (status !== 200 && status !== 404) return false;
  if (headers["set-cookie"]) return false;
  const cacheControl = headers["cache-control"] ?? "";
  return /\bs-maxage=\d+/.test(cacheControl) && !/\b(private|no-store)\b/.test(cacheControl);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((c) => c.trim() === "*" || c.trim().replace(/^W\//, "") === bare);
}

export function createMicroCache({ origin, ttlMs = 1_000, maxEntries = 500, now = Date.now }: MicroCacheOptions) {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry | null>>();
  // Documents Next.js answered as uncacheable go straight to Next.js for a while.
  const bypass = new Map<string, number>();

  function store(url: string, response: OriginResponse): Entry | null {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) if (!HOP_HEADERS.has(name)) headers[name] = value;
    if (!isCacheable(response.status, headers)) {
      entries.delete(url);
      bypass.set(url, now() + 10 * ttlMs);
      while (bypass.size > maxEntries) bypass.delete(bypass.keys().next().value!);
      return null;
    }
    const etag = headers.etag ?? `"${createHash("sha1").update(response.body).digest("base64url")}"`;
    headers.etag = etag;
    const compress = COMPRESSIBLE.test(headers["content-type"] ?? "") && response.body.length > 1024;
    if (!/\baccept-encoding\b/i.test(headers.vary ?? "")) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    const entry: Entry = { status: response.status, headers, body: response.body, gzip: compress ? gzipSync(response.body) : null, etag, fetchedAt: now() };
    entries.delete(url); // re-insert: Map order doubles as least-recently-refreshed order
    entries.set(url, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return entry;
  }

  /** One refresh per document at a time; a failed refresh keeps the last good copy. */
  function refresh(url: string): Promise<Entry | null> {
    let pending = inFlight.get(url);
    if (!pending) {
      pending = origin(url)
        .then((response) => {
          const previous = entries.get(url);
          if (response.status >= 500 && previous) {
            previous.fetchedAt = now();
            return previous;
          }
          return store(url, response);
        })
        .finally(() => inFlight.delete(url));
      inFlight.set(url, pending);
    }
    return pending;
  }

  function send(req: IncomingMessage, res: ServerResponse, entry: Entry, state: string) {
    if (etagMatches(req.headers["if-none-match"], entry.etag)) {
      res.writeHead(304, { etag: entry.etag, "cache-control": entry.headers["cache-control"] ?? "", vary: entry.headers.vary ?? "" });
      res.end();
      return;
    }
    const useGzip = entry.gzip !== null && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = useGzip ? entry.gzip! : entry.body;
    const headers: Record<string, string | number> = { ...entry.headers, "content-length": body.length, "x-aftercare-cache": state };
    if (useGzip) headers["content-encoding"] = "gzip";
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /**
   * Answers from memory when it can. Resolves false when the request must go to Next.js itself:
   * the document is not cacheable, or nothing is cached and the origin could not be reached.
   */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = req.url ?? "/";
    if ((bypass.get(url) ?? 0) > now()) return false;
    const entry = entries.get(url);
    if (entry) {
      const fresh = now() - entry.fetchedAt < ttlMs;
      if (!fresh) void refresh(url).catch(() => {});
      send(req, res, entry, fresh ? "HIT" : "STALE");
      return true;
    }
    const fetched = await refresh(url).catch(() => null);
    if (!fetched) return false;
    send(req, res, fetched, "MISS");
    return true;
  }

  return { serve, size: () => entries.size };
}
