import { pgPool } from "@/lib/db";

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** The fixed window an attempt made at `now` counts in. */
export interface RateLimitWindow {
  start: Date;
  now: number;
  ms: number;
}

export function rateLimitWindow(windowSeconds: number, now = Date.now()): RateLimitWindow {
  const ms = windowSeconds * 1000;
  return { start: new Date(Math.floor(now / ms) * ms), now, ms };
}

/** What `count` attempts in `window` mean against `limit`. */
export function rateLimitResult(count: number, limit: number, window: RateLimitWindow): RateLimitResult {
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.ceil((window.start.getTime() + window.ms - window.now) / 1000),
  };
}

/** Old windows are useless; they are swept now and then rather than on every call. */
export async function sweepOldWindowsSometimes(now = Date.now()): Promise<void> {
  if (Math.random() < 0.01) await pgPool().query(`DELETE FROM "RateLimit" WHERE "windowStart" < $1`, [new Date(now - 86_400_000)]);
}

/**
 * Counts one attempt against `key` in a fixed window shared by every app instance.
 * One statement: the increment and the read happen atomically in PostgreSQL. (Claims count theirs
 * inside the statement that loads the claim's context, the same upsert: lib/claims/submit-claim.ts.)
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const window = rateLimitWindow(windowSeconds);
  const { rows } = await pgPool().query<{ count: number }>(
    `INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ($1, $2, 1)
     ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
     RETURNING "count"`,
    [key, window.start],
  );
  await sweepOldWindowsSometimes(window.now);
  return rateLimitResult(Number(rows[0]?.count ?? 1), limit, window);
}
