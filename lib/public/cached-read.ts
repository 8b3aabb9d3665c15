import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { unstable_cache } from "next/cache";
import { env } from "@/lib/env";

// unstable_cache stores results as JSON, which would turn every Date into a string. Dates are
// tagged on the way in and revived on the way out, so cached and uncached reads look the same.
type Encoded = { $date: string };

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? ({ $date: raw.toISOString() } satisfies Encoded) : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === "object" && "$date" in v && Object.keys(v).length === 1 ? new Date((v as Encoded).$date) : v,
  ) as T;
}

// The data cache lives in the build folder's cache, which survives rebuilds, and which CI caches and
// developers reuse across databases: entries are keyed by build and by database, so no build reads
// another's results (their shape may have changed) and no database's content is served for another's.
let scopeValue: string | undefined;
function cacheScope(): string {
  if (scopeValue === undefined) {
    let build = "development";
    try {
      build = readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      // `next dev` writes no BUILD_ID.
    }
    scopeValue = `${build}:${createHash("sha256").update(env().DATABASE_URL).digest("hex").slice(0, 12)}`;
  }
  return scopeValue;
}

/**
 * A public read served from Next.js's data cache: tagged so that a public change expires it, and
 * refreshed at most every PUBLIC_DATA_REVALIDATE_SECONDS (a minute by default). When a refresh
 * fails (the database is down), the last good result keeps being served, also by a server started
 * while the database is away (the entries are on disk).
 */
export function cachedRead<T>(key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  const load = async () => encode(await read());
  // unstable_cache puts the callback's source text in the entry's key. Minified, that text differs
  // between the bundles that import this module (a page's, an API route's), and which bundle's copy
  // a process runs depends on what it loaded first: one read would live under several keys, the
  // page and the API could show different snapshots, and a restarted server could miss every entry
  // its predecessor wrote. The key parts alone name the entry.
  load.toString = () => "cachedRead";
  const cached = unstable_cache(load, [cacheScope(), ...key], { tags, revalidate: env().PUBLIC_DATA_REVALIDATE_SECONDS });
  return cached().then((text) => decode<T>(text));
}
