import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { rateLimitResult, rateLimitWindow, sweepOldWindowsSometimes, type RateLimitWindow } from "@/lib/security/rate-limit";

const WINDOW_SECONDS = 15 * 60;

/**
 * Claim submissions are counted per account: a person makes one claim per incident, so even
 * retries and corrections stay far below the limit; a script trying combinations does not. Counted
 * per account, not per address: many subscribers may share one address on the day an offer opens.
 * The count is taken in the statement that loads the submission's context (one round trip on the
 * busiest path, where the account may only be known from the session there), under the key
 * `keyPrefix` + the account's id, in this window.
 */
export function claimAllowance(): { keyPrefix: string; window: RateLimitWindow } {
  return { keyPrefix: "claims:account:", window: rateLimitWindow(WINDOW_SECONDS) };
}

/** Refuses the submission when `attempts` in the window exceed CLAIM_LIMIT_PER_ACCOUNT. */
export async function enforceClaimAllowance(attempts: number, window: RateLimitWindow): Promise<void> {
  await sweepOldWindowsSometimes(window.now);
  const result = rateLimitResult(attempts, env().CLAIM_LIMIT_PER_ACCOUNT, window);
  if (!result.allowed) throw RateLimited(result.retryAfterSeconds);
}
