import type { Role } from "@/lib/generated/prisma/enums";
import { isStaff } from "@/lib/auth/roles";
import { authorDisplayName } from "./author-name";
import type { ThreadSort } from "./cursor";

/**
 * A post as everyone sees it. Plain JSON (ISO strings, no Dates) because it is stored by the
 * shared data cache and sent to browsers as it is; nothing in it depends on who is looking.
 */
export interface PostDto {
  id: number;
  parentId: number | null;
  body: string;
  author: { name: string; staff: boolean };
  official: boolean;
  pinned: boolean;
  /** Questions only: takes no replies. */
  locked: boolean;
  /** Replies only: this answer is in the incident's FAQ. */
  inFaq: boolean;
  voteCount: number;
  /** Visible replies (questions only). */
  replyCount: number;
  createdAt: string;
  editedAt: string | null;
}

export interface ThreadDto extends PostDto {
  /** The first few visible replies: pinned, then official, then oldest first. */
  replies: PostDto[];
}

export interface ThreadPage {
  incidentSlug: string;
  sort: ThreadSort;
  /** The whole incident's Q&A is closed to new posts. */
  qaLocked: boolean;
  threads: ThreadDto[];
  nextCursor: string | null;
}

export interface ReplyPage {
  questionId: number;
  replies: PostDto[];
  nextCursor: string | null;
}

/** What the read queries select for a post; timestamps come back as ISO text whatever the zone. */
export const POST_COLUMNS = `
  p.id, p."parentId", p.body, p."isOfficial", p."pinnedAt" IS NOT NULL AS pinned, p."lockedAt" IS NOT NULL AS locked,
  p."voteCount", p."replyCount",
  to_char(p."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(p."editedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "editedAt",
  u.name AS "authorName", u.role AS "authorRole",
  EXISTS (SELECT 1 FROM "FaqEntry" f WHERE f."postId" = p.id) AS "inFaq"`;

export interface PostRow {
  id: number;
  parentId: number | null;
  body: string;
  isOfficial: boolean;
  pinned: boolean;
  locked: boolean;
  voteCount: number;
  replyCount: number;
  createdAt: string;
  editedAt: string | null;
  authorName: string | null;
  authorRole: Role;
  inFaq: boolean;
}

export function toPostDto(row: PostRow): PostDto {
  return {
    id: row.id,
    parentId: row.parentId,
    body: row.body,
    author: { name: authorDisplayName(row.authorName, row.authorRole), staff: isStaff(row.authorRole) },
    official: row.isOfficial,
    pinned: row.pinned,
    locked: row.locked,
    inFaq: row.inFaq,
    voteCount: row.voteCount,
    replyCount: row.replyCount,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

/** What a write selects so it can answer with the post as everyone will see it. */
export const POST_SELECT = {
  id: true,
  parentId: true,
  body: true,
  isOfficial: true,
  pinnedAt: true,
  lockedAt: true,
  voteCount: true,
  replyCount: true,
  createdAt: true,
  editedAt: true,
  author: { select: { name: true, role: true } },
  faqEntry: { select: { id: true } },
} as const;

export interface SelectedPost {
  id: number;
  parentId: number | null;
  body: string;
  isOfficial: boolean;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  voteCount: number;
  replyCount: number;
  createdAt: Date;
  editedAt: Date | null;
  author: { name: string | null; role: Role };
  faqEntry: { id: number } | null;
}

export function selectedToPostDto(post: SelectedPost): PostDto {
  return toPostDto({
    ...post,
    pinned: post.pinnedAt !== null,
    locked: post.lockedAt !== null,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    authorName: post.author.name,
    authorRole: post.author.role,
    inFaq: post.faqEntry !== null,
  });
}
