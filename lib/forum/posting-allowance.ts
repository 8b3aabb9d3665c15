import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { AppError, humanDuration } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/security/rate-limit";

// Subscribers: enough for a real conversation, too few for a flood. Staff answer many people in a
// row on the worst day, so their allowance is larger, but still bounded.
const POST_LIMITS = {
  subscriber: [
    { limit: 5, windowSeconds: 60 },
    { limit: 30, windowSeconds: 3_600 },
  ],
  staff: [
    { limit: 30, windowSeconds: 60 },
    { limit: 300, windowSeconds: 3_600 },
  ],
} as const;

const VOTE_LIMIT = { limit: 60, windowSeconds: 60 } as const;

function tooFast(what: string, retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", `You are ${what} faster than we allow. You can try again in ${humanDuration(retryAfterSeconds)}.`, { retryAfterSeconds });
}

/** Counts one post against the author's allowance, or says when they can post again. */
export async function consumePostAllowance(actor: Actor): Promise<void> {
  for (const { limit, windowSeconds } of POST_LIMITS[isStaff(actor.role) ? "staff" : "subscriber"]) {
    const result = await consumeRateLimit(`forum:post:${windowSeconds}:${actor.id}`, limit, windowSeconds);
    if (!result.allowed) {
      throw new AppError("RATE_LIMITED", `You have posted ${limit} times in ${windowSeconds === 60 ? "a minute" : "an hour"}. You can post again in ${humanDuration(result.retryAfterSeconds)}.`, {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
  }
}

export async function consumeVoteAllowance(actor: Actor): Promise<void> {
  const result = await consumeRateLimit(`forum:vote:${actor.id}`, VOTE_LIMIT.limit, VOTE_LIMIT.windowSeconds);
  if (!result.allowed) throw tooFast("voting", result.retryAfterSeconds);
}
