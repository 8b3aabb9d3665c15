import type { Pool } from "pg";
import { preparedName } from "@/lib/db";
import type { OutboxMessage } from "@/lib/notifications/templates/types";

/** The worker's SQL against EmailOutbox: every state change is one set-based statement. */
export interface ClaimedMessage extends OutboxMessage {
  attempts: number;
}

/**
 * Claims up to `limit` due messages for this worker. SKIP LOCKED lets any number of workers on
 * any number of machines claim side by side without ever taking the same row; the lease brings a
 * row back if its worker dies before recording the outcome.
 */
export async function claimDue(pool: Pool, workerId: string, limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
  const { rows } = await pool.query<{ id: string; template: string; toEmail: string; userId: string | null; eventRef: string | null; payload: Record<string, unknown>; attempts: number }>(
    `WITH due AS (
       SELECT id FROM "EmailOutbox" WHERE status = 'QUEUED' AND "nextAttemptAt" <= now()
       ORDER BY "nextAttemptAt", id LIMIT $1 FOR UPDATE SKIP LOCKED)
     UPDATE "EmailOutbox" o SET status = 'SENDING', attempts = o.attempts + 1, "lockedBy" = $2,
            "lockedUntil" = now() + make_interval(secs => $3)
     FROM due WHERE o.id = due.id
     RETURNING o.id, o.template, o."toEmail", o."userId", o."eventRef", o.payload, o.attempts`,
    [limit, workerId, leaseSeconds],
  );
  return rows.map((r) => ({ ...r, id: BigInt(r.id) }));
}

const ids = (list: bigint[]) => list.map(String);

export async function markSent(pool: Pool, list: bigint[]): Promise<void> {
  if (!list.length) return;
  // Named: the hottest statement of the worker is parsed and planned once per connection.
  await pool.query({
    name: preparedName("outbox-mark-sent"),
    text: `UPDATE "EmailOutbox" SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL
           WHERE id = ANY($1::bigint[]) AND status = 'SENDING'`,
    values: [ids(list)],
  });
}

/** Temporary failures: back to the queue at their retry time, or to the dead-letter list. */
export async function markRetry(pool: Pool, list: { id: bigint; reason: string; delaySeconds: number; dead: boolean }[]): Promise<void> {
  if (!list.length) return;
  await pool.query(
    `UPDATE "EmailOutbox" o SET status = CASE WHEN f.dead THEN 'DEAD'::"OutboxStatus" ELSE 'QUEUED'::"OutboxStatus" END,
            "nextAttemptAt" = now() + make_interval(secs => f.delay), "lastError" = f.reason, "lockedUntil" = NULL, "lockedBy" = NULL
     FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::bool[]) AS f(id, reason, delay, dead)
     WHERE o.id = f.id AND o.status = 'SENDING'`,
    [ids(list.map((f) => f.id)), list.map((f) => f.reason), list.map((f) => f.delaySeconds), list.map((f) => f.dead)],
  );
}

/** Permanent failures: the message stops and the address is suppressed for every later message. */
export async function markPermanent(pool: Pool, list: { id: bigint; email: string; reason: string }[]): Promise<void> {
  if (!list.length) return;
  await pool.query(
    `WITH f AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) AS f(id, email, reason)),
     failed AS (
       UPDATE "EmailOutbox" o SET status = 'FAILED', "lastError" = f.reason, "lockedUntil" = NULL, "lockedBy" = NULL
       FROM f WHERE o.id = f.id AND o.status = 'SENDING' RETURNING o.id)
     INSERT INTO "EmailSuppression" (email, reason, "createdAt")
     SELECT DISTINCT ON (lower(email)) lower(email), reason, now() FROM f ORDER BY lower(email)
     ON CONFLICT (email) DO NOTHING`,
    [ids(list.map((f) => f.id)), list.map((f) => f.email), list.map((f) => f.reason)],
  );
}

/** Not sent on purpose (unsubscribed, unconfirmed, suppressed, nothing left to say): the reason is kept. */
export async function markSuppressed(pool: Pool, list: { id: bigint; reason: string }[]): Promise<void> {
  if (!list.length) return;
  await pool.query(
    `UPDATE "EmailOutbox" o SET status = 'SUPPRESSED', "lastError" = f.reason, "lockedUntil" = NULL, "lockedBy" = NULL
     FROM unnest($1::bigint[], $2::text[]) AS f(id, reason) WHERE o.id = f.id AND o.status = 'SENDING'`,
    [ids(list.map((f) => f.id)), list.map((f) => f.reason)],
  );
}

/**
 * Messages whose worker died mid-send go back to the queue (or to the dead-letter list once they
 * have used every attempt). A message the SMTP server had already accepted is sent again here:
 * that is the window README describes.
 */
export async function reclaimExpired(pool: Pool, maxAttempts: number): Promise<number> {
  const result = await pool.query(
    `UPDATE "EmailOutbox" SET status = CASE WHEN attempts >= $1 THEN 'DEAD'::"OutboxStatus" ELSE 'QUEUED'::"OutboxStatus" END,
            "lastError" = 'The worker stopped before recording the outcome', "lockedUntil" = NULL, "lockedBy" = NULL, "nextAttemptAt" = now()
     WHERE status = 'SENDING' AND "lockedUntil" < now()`,
    [maxAttempts],
  );
  return result.rowCount ?? 0;
}

/**
 * Takes up to `want` send tokens from the one shared bucket (refilled at `rate` per second, at
 * most one second's worth banked), so all workers together stay under the provider's limit.
 */
export async function takeSendBudget(pool: Pool, want: number, rate: number): Promise<number> {
  const { rows } = await pool.query<{ granted: number }>(
    `WITH b AS (
       SELECT LEAST($2::float8, tokens + $2::float8 * EXTRACT(EPOCH FROM clock_timestamp() - "refilledAt")) AS available
       FROM "EmailSendBudget" WHERE id = 1 FOR UPDATE)
     UPDATE "EmailSendBudget" s SET tokens = b.available - LEAST(floor(b.available), $1), "refilledAt" = clock_timestamp()
     FROM b WHERE s.id = 1 RETURNING LEAST(floor(b.available), $1)::int AS granted`,
    [want, rate],
  );
  return rows[0]?.granted ?? 0;
}
