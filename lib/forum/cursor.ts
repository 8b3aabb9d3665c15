import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { tokens } from "@/lib/security/signed-token";

/**
 * Keyset cursors, opaque to clients: base64url JSON of the last row's sort key, signed. A cursor
 * names the sort it belongs to, so a page link from one sort can never be replayed against
 * another. The signature means only cursors this server issued are accepted: each page is a
 * shared cache entry, and made-up cursors could otherwise fill the cache without bound. Cursors
 * expire, so one copied out of a page cannot be replayed for ever.
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

/** Long enough to read a busy thread; a page left open longer asks for a reload. */
export const CURSOR_MAX_AGE_SECONDS = 60 * 60;

export function encodeCursor(cursor: ThreadCursor | ReplyCursor, now?: number): string {
  return tokens().sign("forum-cursor", JSON.stringify(cursor), now);
}

function decode<T>(schema: z.ZodType<T>, raw: string): T {
  const stale = Invalid("That page of posts is no longer available. Reload the page to start again.", { field: "cursor" });
  const verified = raw.length > 400 ? null : tokens().verify("forum-cursor", raw, { maxAgeSeconds: CURSOR_MAX_AGE_SECONDS });
  if (!verified) throw stale;
  let json: unknown;
  try {
    json = JSON.parse(verified.payload);
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
