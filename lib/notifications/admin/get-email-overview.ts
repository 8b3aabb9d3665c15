import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { OutboxStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";
import { addressContains } from "./address-search";

export const MESSAGES_PER_PAGE = 20;
export const SUPPRESSIONS_SHOWN = 20;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const Cursor = z.preprocess(blankToUndefined, z.string().regex(/^\d{1,18}$/, "That page link is not valid.").optional());

export const EmailOverviewInput = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(320, "Search for at most 320 characters.").optional()),
  /** Keyset cursors: show messages older than this id. */
  dead: Cursor,
  failed: Cursor,
});

export interface ProblemMessage {
  id: string;
  status: "DEAD" | "FAILED";
  template: string;
  toEmail: string;
  eventRef: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** Why the address is suppressed, when it is; such a message cannot be retried. */
  suppressedReason: string | null;
}

export interface MessagePage {
  messages: ProblemMessage[];
  /** Cursor of the next (older) page, or null on the last page. */
  olderCursor: string | null;
}

export interface EmailOverview {
  filters: z.output<typeof EmailOverviewInput>;
  counts: Record<OutboxStatus, number>;
  total: number;
  sentLastHour: number;
  sentLastDay: number;
  /** When the oldest message that is due now became due; null when nothing is waiting. */
  oldestDueAt: Date | null;
  /** How far behind the worker is: age of the oldest due message, 0 when caught up. */
  behindSeconds: number;
  dead: MessagePage;
  failed: MessagePage;
  suppressions: { email: string; reason: string; createdAt: Date }[];
  suppressionTotal: number;
}

async function problemPage(status: "DEAD" | "FAILED", q: string | undefined, before: string | undefined): Promise<MessagePage> {
  const search = addressContains(Prisma.raw(`o."toEmail"`), q);
  const older = before ? Prisma.sql`AND o.id < ${BigInt(before)}` : Prisma.empty;
  // Newest first by id, so a page is one backward walk of the primary key.
  const rows = await db.$queryRaw<(Omit<ProblemMessage, "id" | "status"> & { id: bigint })[]>`
    SELECT o.id, o.template, o."toEmail", o."eventRef", o.attempts, o."lastError", o."createdAt", s.reason AS "suppressedReason"
    FROM "EmailOutbox" o LEFT JOIN "EmailSuppression" s ON s.email = o."toEmail"
    WHERE o.status = ${status}::"OutboxStatus" ${search} ${older}
    ORDER BY o.id DESC LIMIT ${MESSAGES_PER_PAGE + 1}`;
  const page = rows.slice(0, MESSAGES_PER_PAGE).map((row) => ({ ...row, id: row.id.toString(), status }));
  return { messages: page, olderCursor: rows.length > MESSAGES_PER_PAGE ? page[page.length - 1]!.id : null };
}

/** The staff email desk: how delivery is going, what failed, who is suppressed. */
export async function getEmailOverview({ actor, input }: { actor: Actor; input: unknown }): Promise<EmailOverview> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see email delivery.");
  const filters = parseInput(EmailOverviewInput, input);
  const searchSuppressions = Prisma.sql`WHERE true ${addressContains(Prisma.raw("email"), filters.q)}`;

  const [statusRows, [due], dead, failed, suppressions, [suppressionTotal]] = await Promise.all([
    // One pass over the outbox for every status and the recent sends.
    db.$queryRaw<{ status: OutboxStatus; n: number; lastHour: number; lastDay: number }[]>`
      SELECT status, count(*)::int AS n,
             (count(*) FILTER (WHERE "sentAt" >= now() - interval '1 hour'))::int AS "lastHour",
             (count(*) FILTER (WHERE "sentAt" >= now() - interval '24 hours'))::int AS "lastDay"
      FROM "EmailOutbox" GROUP BY status`,
    // The first row of the worker's own partial index (nextAttemptAt, id) WHERE status = 'QUEUED'.
    db.$queryRaw<{ dueAt: Date; behind: number }[]>`
      SELECT "nextAttemptAt" AS "dueAt", greatest(0, extract(epoch FROM now() - "nextAttemptAt"))::float8 AS behind
      FROM "EmailOutbox" WHERE status = 'QUEUED' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt", id LIMIT 1`,
    problemPage("DEAD", filters.q, filters.dead),
    problemPage("FAILED", filters.q, filters.failed),
    db.$queryRaw<{ email: string; reason: string; createdAt: Date }[]>`
      SELECT email, reason, "createdAt" FROM "EmailSuppression" ${searchSuppressions}
      ORDER BY "createdAt" DESC, email LIMIT ${SUPPRESSIONS_SHOWN}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "EmailSuppression" ${searchSuppressions}`,
  ]);

  const counts = Object.fromEntries(Object.values(OutboxStatus).map((s) => [s, 0])) as Record<OutboxStatus, number>;
  let sentLastHour = 0;
  let sentLastDay = 0;
  for (const row of statusRows) {
    counts[row.status] = row.n;
    if (row.status === "SENT") {
      sentLastHour = row.lastHour;
      sentLastDay = row.lastDay;
    }
  }
  return {
    filters,
    counts,
    total: statusRows.reduce((sum, row) => sum + row.n, 0),
    sentLastHour,
    sentLastDay,
    oldestDueAt: due?.dueAt ?? null,
    behindSeconds: due ? Math.floor(due.behind) : 0,
    dead,
    failed,
    suppressions,
    suppressionTotal: suppressionTotal?.n ?? 0,
  };
}
