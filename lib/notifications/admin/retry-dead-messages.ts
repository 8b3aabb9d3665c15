import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";
import { addressContains } from "./address-search";

const RetryInput = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("one"), id: z.string().trim().regex(/^\d{1,18}$/, "That message number is not valid.") }),
  z.object({
    scope: z.literal("all"),
    /** Also requeue permanent failures whose address is no longer suppressed. */
    includeFailed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
    /** Only messages whose address contains this text (the desk's current search). */
    q: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().toLowerCase().max(320).optional()),
  }),
]);

export type RetryResult =
  | { scope: "one"; id: string; toEmail: string }
  | { scope: "all"; requeued: number; skippedSuppressed: number; skippedSuperseded: number };

/** Audit entries keep this many requeued ids and distinct errors; the count is always exact. */
const AUDIT_SAMPLE = 200;

/**
 * Staff put dead letters (and permanent failures whose address works again) back in the queue:
 * attempts start over, the message is due now, its last error moves to the audit log.
 * A suppressed address is never requeued; neither is a message a newer queued one supersedes.
 */
export async function retryDeadMessages({ actor, input }: { actor: Actor; input: unknown }): Promise<RetryResult> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can retry emails.");
  const data = parseInput(RetryInput, input);
  return data.scope === "one" ? retryOne(actor, BigInt(data.id)) : retryAll(actor, data.includeFailed, data.q);
}

async function retryOne(actor: Actor, id: bigint): Promise<RetryResult> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: OutboxStatus; toEmail: string; attempts: number; lastError: string | null; coalesceKey: string | null; suppressedReason: string | null }[]>`
      SELECT o.status, o."toEmail", o.attempts, o."lastError", o."coalesceKey", s.reason AS "suppressedReason"
      FROM "EmailOutbox" o LEFT JOIN "EmailSuppression" s ON s.email = o."toEmail"
      WHERE o.id = ${id} FOR UPDATE OF o`;
    if (!row) throw NotFound("That message no longer exists. Reload the page.");
    if (row.status !== "DEAD" && row.status !== "FAILED") {
      throw Conflict(`Message ${id} is ${row.status.toLowerCase()} now, not dead or failed, so there is nothing to retry. Reload the page.`);
    }
    if (row.suppressedReason !== null) {
      throw Conflict(`Not requeued: ${row.toEmail} is suppressed (${row.suppressedReason}). Lift the suppression first if the address works again.`);
    }
    if (row.coalesceKey !== null) {
      const [newer] = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT id FROM "EmailOutbox" WHERE "coalesceKey" = ${row.coalesceKey} AND status = 'QUEUED' LIMIT 1`;
      if (newer) throw Conflict(`Not requeued: a newer message to ${row.toEmail} with the same news is already queued (message ${newer.id}).`);
    }
    await tx.$executeRaw`
      UPDATE "EmailOutbox" SET status = 'QUEUED', attempts = 0, "nextAttemptAt" = now(), "lastError" = NULL,
             "lockedUntil" = NULL, "lockedBy" = NULL
      WHERE id = ${id}`;
    await recordAudit(tx, actor, {
      action: "email.message.requeued",
      entityType: "EmailOutbox",
      entityId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError, toEmail: row.toEmail },
      after: { status: "QUEUED", attempts: 0 },
    });
    return { scope: "one" as const, id: id.toString(), toEmail: row.toEmail };
  });
}

async function retryAll(actor: Actor, includeFailed: boolean, q: string | undefined): Promise<RetryResult> {
  const statuses: OutboxStatus[] = includeFailed ? ["DEAD", "FAILED"] : ["DEAD"];
  const search = addressContains(Prisma.raw(`o."toEmail"`), q);
  return db.$transaction(
    async (tx) => {
      // One set-based statement. Of several retryable messages sharing a coalescing key only the
      // newest is requeued, and none when a message with that key is already queued: the queued
      // one carries the newer news, and the partial unique index allows one queued row per key.
      const [result] = await tx.$queryRaw<{ requeued: number; ids: string[]; errors: { error: string | null; count: number }[] }[]>`
        WITH candidates AS (
          SELECT o.id, o."coalesceKey", o."lastError",
                 row_number() OVER (PARTITION BY o."coalesceKey" ORDER BY o.id DESC) AS rank
          FROM "EmailOutbox" o
          WHERE o.status = ANY(${statuses}::"OutboxStatus"[])
            AND NOT EXISTS (SELECT 1 FROM "EmailSuppression" s WHERE s.email = o."toEmail") ${search}
        ), chosen AS (
          SELECT c.id, c."lastError" FROM candidates c
          WHERE c."coalesceKey" IS NULL
             OR (c.rank = 1 AND NOT EXISTS (SELECT 1 FROM "EmailOutbox" q WHERE q."coalesceKey" = c."coalesceKey" AND q.status = 'QUEUED'))
        ), requeued AS (
          UPDATE "EmailOutbox" o
          SET status = 'QUEUED', attempts = 0, "nextAttemptAt" = now(), "lastError" = NULL, "lockedUntil" = NULL, "lockedBy" = NULL
          FROM chosen
          WHERE o.id = chosen.id AND o.status = ANY(${statuses}::"OutboxStatus"[])
          RETURNING o.id, chosen."lastError"
        )
        SELECT (SELECT count(*) FROM requeued)::int AS requeued,
               coalesce((SELECT array_agg(id::text) FROM (SELECT id FROM requeued ORDER BY id DESC LIMIT ${AUDIT_SAMPLE}) sample), '{}') AS ids,
               coalesce((SELECT json_agg(json_build_object('error', "lastError", 'count', n))
                         FROM (SELECT "lastError", count(*)::int AS n FROM requeued GROUP BY 1 ORDER BY 2 DESC LIMIT ${AUDIT_SAMPLE}) e), '[]') AS errors`;
      const [left] = await tx.$queryRaw<{ suppressed: number; superseded: number }[]>`
        SELECT (count(*) FILTER (WHERE s.email IS NOT NULL))::int AS suppressed, (count(*) FILTER (WHERE s.email IS NULL))::int AS superseded
        FROM "EmailOutbox" o LEFT JOIN "EmailSuppression" s ON s.email = o."toEmail"
        WHERE o.status = ANY(${statuses}::"OutboxStatus"[]) ${search}`;
      const outcome = { requeued: result?.requeued ?? 0, skippedSuppressed: left?.suppressed ?? 0, skippedSuperseded: left?.superseded ?? 0 };
      if (outcome.requeued > 0) {
        await recordAudit(tx, actor, {
          action: "email.messages.requeued",
          entityType: "EmailOutbox",
          entityId: includeFailed ? "dead+failed" : "dead",
          before: { statuses, search: q ?? null, lastErrors: result?.errors ?? [] },
          after: { ...outcome, status: "QUEUED", ids: result?.ids ?? [] },
        });
      }
      return { scope: "all" as const, ...outcome };
    },
    { timeout: 60_000 },
  );
}
