import { z } from "zod";
import { pgPool } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { decodeThreadCursor, encodeCursor, THREAD_SORTS, type ThreadCursor, type ThreadSort } from "./cursor";
import { POST_COLUMNS, toPostDto, type PostRow, type ThreadPage } from "./post-dto";
import { IncidentSlug } from "./post-input";
import { INLINE_REPLIES, REPLY_ORDER } from "./reply-order";

export const THREAD_PAGE_SIZE = 20;

export const ListThreadsInput = z.object({
  incidentSlug: IncidentSlug,
  sort: z.enum(THREAD_SORTS, { error: "Sort by newest or by most votes." }).default("newest"),
  cursor: z.string().nullish(),
});

// Pinned questions come first, then the rest; within each group the chosen sort. Both groups
// walk the (incidentId, parentId, key desc, id desc) indexes, so a deep page costs what the first
// does. The constant incidentId and parentId lead the ORDER BY so the planner sees that the index
// order is the wanted order (it does not treat "parentId IS NULL" as fixing that column).
const SORT_KEY: Record<ThreadSort, { column: string; cast: string }> = {
  newest: { column: `p."createdAt"`, cast: "timestamp" },
  votes: { column: `p."voteCount"`, cast: "int" },
};

interface QuestionRow extends PostRow {
  sortKey: string | number;
}

async function questions(incidentId: number, sort: ThreadSort, pinned: boolean, after: ThreadCursor | null, limit: number): Promise<QuestionRow[]> {
  const { column, cast } = SORT_KEY[sort];
  const keyset = after ? `AND (${column}, p.id) < ($3::${cast}, $4::int)` : "";
  const sortKey = sort === "votes" ? `p."voteCount"` : `to_char(p."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const { rows } = await pgPool().query<QuestionRow>(
    `SELECT ${POST_COLUMNS}, ${sortKey} AS "sortKey"
     FROM "ForumPost" p JOIN "User" u ON u.id = p."authorId"
     WHERE p."incidentId" = $1 AND p."parentId" IS NULL AND p."hiddenAt" IS NULL
       AND p."pinnedAt" IS ${pinned ? "NOT NULL" : "NULL"} ${keyset}
     ORDER BY p."incidentId", p."parentId", ${column} DESC, p.id DESC
     LIMIT $2`,
    after ? [incidentId, limit, after.k, after.i] : [incidentId, limit],
  );
  return rows;
}

/** The first few visible replies of each question, in one query. */
async function inlineReplies(questionIds: number[]): Promise<Map<number, PostRow[]>> {
  const byQuestion = new Map<number, PostRow[]>();
  if (questionIds.length === 0) return byQuestion;
  const { rows } = await pgPool().query<PostRow>(
    `SELECT r.* FROM unnest($1::int[]) AS q(id)
     CROSS JOIN LATERAL (
       SELECT ${POST_COLUMNS} FROM "ForumPost" p JOIN "User" u ON u.id = p."authorId"
       WHERE p."parentId" = q.id AND p."hiddenAt" IS NULL
       ORDER BY ${REPLY_ORDER}
       LIMIT $2
     ) r`,
    [questionIds, INLINE_REPLIES],
  );
  for (const row of rows) {
    const list = byQuestion.get(row.parentId!) ?? [];
    list.push(row);
    byQuestion.set(row.parentId!, list);
  }
  return byQuestion;
}

/**
 * One page of an incident's public Q&A: visible questions with their first visible replies.
 * Hidden posts, and every reply under a hidden question, never leave the database.
 */
export async function listThreads(input: unknown): Promise<ThreadPage> {
  const { incidentSlug, sort, cursor: rawCursor } = parseInput(ListThreadsInput, input);
  const cursor = rawCursor ? decodeThreadCursor(rawCursor, sort) : null;
  const { rows: incidents } = await pgPool().query<{ id: number; qaLocked: boolean }>(
    `SELECT id, "qaLockedAt" IS NOT NULL AS "qaLocked" FROM "Incident" WHERE slug = $1`,
    [incidentSlug],
  );
  const incident = incidents[0];
  if (!incident) throw NotFound("There is no incident at this address.");

  // One row more than a page tells whether another page exists.
  const want = THREAD_PAGE_SIZE + 1;
  const rows: (QuestionRow & { inPinned: boolean })[] = [];
  if (!cursor || cursor.p) {
    const pinned = await questions(incident.id, sort, true, cursor, want);
    rows.push(...pinned.map((row) => ({ ...row, inPinned: true })));
  }
  if (rows.length < want) {
    const rest = await questions(incident.id, sort, false, cursor && !cursor.p ? cursor : null, want - rows.length);
    rows.push(...rest.map((row) => ({ ...row, inPinned: false })));
  }

  const page = rows.slice(0, THREAD_PAGE_SIZE);
  const last = page.at(-1);
  const replies = await inlineReplies(page.map((row) => row.id));
  return {
    incidentSlug,
    sort,
    qaLocked: incident.qaLocked,
    threads: page.map((row) => ({ ...toPostDto(row), replies: (replies.get(row.id) ?? []).map(toPostDto) })),
    nextCursor: rows.length > THREAD_PAGE_SIZE && last ? encodeCursor({ s: sort, p: last.inPinned, k: last.sortKey, i: last.id }) : null,
  };
}
