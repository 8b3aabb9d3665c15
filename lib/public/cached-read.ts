import { createHash } from "node:crypto";
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

// The data cache lives in the build folder, which CI caches and developers reuse across databases;
// keying entries by database keeps one database's content from being served for another's.
let databaseKeyValue: string | undefined;
function databaseKey(): string {
  databaseKeyValue ??= createHash("sha256").update(env().DATABASE_URL).digest("hex").slice(0, 12);
  return databaseKeyValue;
}

/**
 * A public read served from Next.js's data cache: tagged so that a public change expires it, and
 * refreshed at most every PUBLIC_DATA_REVALIDATE_SECONDS (a minute by default). When a refresh
 * fails (the database is down), the last good result keeps being served.
 */
export function cachedRead<T>(key: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  const cached = unstable_cache(async () => encode(await read()), [databaseKey(), ...key], { tags, revalidate: env().PUBLIC_DATA_REVALIDATE_SECONDS });
  return cached().then((text) => decode<T>(text));
}
