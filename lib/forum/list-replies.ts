import { z } from "zod";
import { pgPool } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { decodeReplyCursor, encodeCursor } from "./cursor";
import { POST_COLUMNS, toPostDto, type PostRow, type ReplyPage } from "./post-dto";
import { IncidentSlug, PostId } from "./post-input";
import { REPLY_ORDER, REPLY_RANK } from "./reply-order";

export const REPLY_PAGE_SIZE = 50;

export const ListRepliesInput = z.object({ incidentSlug: IncidentSlug, questionId: PostId, cursor: z.string().nullish() });

/** Every visible reply of a visible question ("Show all replies"), a page at a time. */
export async function listReplies(input: unknown): Promise<ReplyPage> {
  const { incidentSlug, questionId, cursor: rawCursor } = parseInput(ListRepliesInput, input);
  const cursor = rawCursor ? decodeReplyCursor(rawCursor) : null;
  const { rows: questions } = await pgPool().query<{ id: number }>(
    `SELECT q.id FROM "ForumPost" q JOIN "Incident" i ON i.id = q."incidentId"
     WHERE q.id = $1 AND i.slug = $2 AND q."parentId" IS NULL AND q."hiddenAt" IS NULL`,
    [questionId, incidentSlug],
  );
  if (!questions[0]) throw NotFound("That question is no longer available.");

  const keyset = cursor ? `AND (${REPLY_RANK}, p."createdAt", p.id) > ($3::int, $4::timestamp, $5::int)` : "";
  const { rows } = await pgPool().query<PostRow & { rank: number }>(
    `SELECT ${POST_COLUMNS}, ${REPLY_RANK} AS rank
     FROM "ForumPost" p JOIN "User" u ON u.id = p."authorId"
     WHERE p."parentId" = $1 AND p."hiddenAt" IS NULL ${keyset}
     ORDER BY ${REPLY_ORDER}
     LIMIT $2`,
    cursor ? [questionId, REPLY_PAGE_SIZE + 1, cursor.r, cursor.k, cursor.i] : [questionId, REPLY_PAGE_SIZE + 1],
  );
  const page = rows.slice(0, REPLY_PAGE_SIZE);
  const last = page.at(-1);
  return {
    questionId,
    replies: page.map(toPostDto),
    nextCursor: rows.length > REPLY_PAGE_SIZE && last ? encodeCursor({ r: last.rank, k: last.createdAt, i: last.id }) : null,
  };
}
