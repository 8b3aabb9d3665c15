import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { pgPool } from "@/lib/db";
import { parseInput } from "@/lib/parse-input";
import { authorDisplayName } from "./author-name";
import { encodeCursor, decodeReplyCursor } from "./cursor";
import { assertModerator } from "./moderation-target";

export const QUEUE_FILTERS = ["all", "hidden", "unanswered"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export const QUEUE_PAGE_SIZE = 30;

export const ListModerationQueueInput = z.object({
  filter: z.enum(QUEUE_FILTERS).catch("all"),
  incidentSlug: z.string().trim().max(200).optional().transform((v) => v || undefined),
  cursor: z.string().nullish(),
});

export interface QueuePost {
  id: number;
  parentId: number | null;
  incident: { slug: string; title: string };
  questionExcerpt: string | null;
  /** A reply whose question is hidden is out of public view too. */
  questionHidden: boolean;
  body: string;
  author: { name: string; email: string };
  official: boolean;
  pinned: boolean;
  locked: boolean;
  inFaq: boolean;
  voteCount: number;
  replyCount: number;
  createdAt: Date;
  hidden: { at: Date; reason: string | null; by: string | null } | null;
}

interface Row {
  id: number;
  parentId: number | null;
  slug: string;
  title: string;
  questionBody: string | null;
  questionHidden: boolean;
  body: string;
  authorName: string | null;
  authorRole: Role;
  authorEmail: string;
  isOfficial: boolean;
  pinned: boolean;
  locked: boolean;
  inFaq: boolean;
  voteCount: number;
  replyCount: number;
  createdAt: string;
  hiddenAt: string | null;
  hiddenReason: string | null;
  hiddenBy: string | null;
}

const FILTER_SQL: Record<QueueFilter, string> = {
  all: "",
  hidden: `AND p."hiddenAt" IS NOT NULL`,
  // A question nobody from staff has answered yet (hidden answers do not count).
  unanswered: `AND p."parentId" IS NULL AND p."hiddenAt" IS NULL AND p."lockedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "ForumPost" r WHERE r."parentId" = p.id AND r."isOfficial" AND r."hiddenAt" IS NULL)`,
};

const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Staff moderation queue: newest posts first across incidents, hidden ones with why and by whom. */
export async function listModerationQueue({ actor, input }: { actor: Actor; input: unknown }) {
  assertModerator(actor);
  const { filter, incidentSlug, cursor: rawCursor } = parseInput(ListModerationQueueInput, input);
  // Same shape as a reply cursor (createdAt, id); the rank field is unused here.
  const cursor = rawCursor ? decodeReplyCursor(rawCursor) : null;
  const params: unknown[] = [QUEUE_PAGE_SIZE + 1];
  const where: string[] = [FILTER_SQL[filter]];
  if (incidentSlug) {
    params.push(incidentSlug);
    where.push(`AND i.slug = $${params.length}`);
  }
  if (cursor) {
    params.push(cursor.k, cursor.i);
    where.push(`AND (p."createdAt", p.id) < ($${params.length - 1}::timestamp, $${params.length}::int)`);
  }
  const [{ rows }, incidents] = await Promise.all([
    pgPool().query<Row>(
      `SELECT p.id, p."parentId", i.slug, i.title, q.body AS "questionBody", COALESCE(q."hiddenAt" IS NOT NULL, false) AS "questionHidden", p.body,
              u.name AS "authorName", u.role AS "authorRole", u.email AS "authorEmail",
              p."isOfficial", p."pinnedAt" IS NOT NULL AS pinned, p."lockedAt" IS NOT NULL AS locked,
              EXISTS (SELECT 1 FROM "FaqEntry" f WHERE f."postId" = p.id) AS "inFaq",
              p."voteCount", p."replyCount", ${ISO(`p."createdAt"`)} AS "createdAt",
              ${ISO(`p."hiddenAt"`)} AS "hiddenAt", p."hiddenReason", h.email AS "hiddenBy"
       FROM "ForumPost" p
       JOIN "Incident" i ON i.id = p."incidentId"
       JOIN "User" u ON u.id = p."authorId"
       LEFT JOIN "ForumPost" q ON q.id = p."parentId"
       LEFT JOIN "User" h ON h.id = p."hiddenById"
       WHERE true ${where.join(" ")}
       ORDER BY p."createdAt" DESC, p.id DESC
       LIMIT $1`,
      params,
    ),
    pgPool().query<{ slug: string; title: string }>(
      `SELECT slug, title FROM "Incident" i WHERE EXISTS (SELECT 1 FROM "ForumPost" p WHERE p."incidentId" = i.id) ORDER BY "startedAt" DESC LIMIT 100`,
    ),
  ]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    filter,
    incidentSlug: incidentSlug ?? null,
    incidents: incidents.rows,
    posts: page.map(
      (row): QueuePost => ({
        id: row.id,
        parentId: row.parentId,
        incident: { slug: row.slug, title: row.title },
        questionExcerpt: row.questionBody ? excerpt(row.questionBody) : null,
        questionHidden: row.questionHidden,
        body: row.body,
        author: { name: authorDisplayName(row.authorName, row.authorRole), email: row.authorEmail },
        official: row.isOfficial,
        pinned: row.pinned,
        locked: row.locked,
        inFaq: row.inFaq,
        voteCount: row.voteCount,
        replyCount: row.replyCount,
        createdAt: new Date(row.createdAt),
        hidden: row.hiddenAt ? { at: new Date(row.hiddenAt), reason: row.hiddenReason, by: row.hiddenBy } : null,
      }),
    ),
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ r: 0, k: last.createdAt, i: last.id }) : null,
  };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}
