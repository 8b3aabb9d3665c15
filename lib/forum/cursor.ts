import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { Invalid } from "@/lib/errors";

/**
 * Keyset cursors, opaque to clients: base64url JSON of the last row's sort key, signed. A cursor
 * names the sort it belongs to, so a page link from one sort can never be replayed against
 * another. The signature means only cursors this server issued are accepted: each page is a
 * shared cache entry, and made-up cursors could otherwise fill the cache without bound.
 */
export const THREAD_SORTS = ["newest", "votes"] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

const ThreadCursor = z.object({
  s: z.enum(THREAD_SORTS),
  /** Still inside the pinned questions, which come before all others. */
  p: z.boolean(),
  /** createdAt (ISO) for "newest", voteCount for "votes". */
  k: z.union([z.iso.datetime(), z.number().int()]),
  i: z.number().int().positive(),
});
export type ThreadCursor = z.infer<typeof ThreadCursor>;

const ReplyCursor = z.object({
  /** 0 pinned, 1 official, 2 the rest: the order replies are shown in. */
  r: z.number().int().min(0).max(2),
  k: z.iso.datetime(),
  i: z.number().int().positive(),
});
export type ReplyCursor = z.infer<typeof ReplyCursor>;

const signature = (payload: string) => createHmac("sha256", env().NEXTAUTH_SECRET).update(`forum-cursor:${payload}`).digest().subarray(0, 16);

export function encodeCursor(cursor: ThreadCursor | ReplyCursor): string {
  const payload = Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
  return `${payload}.${signature(payload).toString("base64url")}`;
}

function decode<T>(schema: z.ZodType<T>, raw: string): T {
  const stale = Invalid("That page of posts is no longer available. Reload the page to start again.", { field: "cursor" });
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/.exec(raw);
  if (raw.length > 400 || !match) throw stale;
  const [, payload, signed] = match as unknown as [string, string, string];
  if (!timingSafeEqual(Buffer.from(signed, "base64url"), signature(payload))) throw stale;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw stale;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw stale;
  return parsed.data;
}

export function decodeThreadCursor(raw: string, sort: ThreadSort): ThreadCursor {
  const cursor = decode(ThreadCursor, raw);
  const keyMatches = sort === "votes" ? typeof cursor.k === "number" : typeof cursor.k === "string";
  if (cursor.s !== sort || !keyMatches) throw Invalid("That page belongs to a different sort order. Reload the page to start again.", { field: "cursor" });
  return cursor;
}

export function decodeReplyCursor(raw: string): ReplyCursor {
  return decode(ReplyCursor, raw);
}
