import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/security/rate-limit";

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts one claim submission against the account. A person makes one claim per incident, so even
 * retries and corrections stay far below the limit; a script trying combinations does not. Counted
 * per account, not per address: many subscribers may share one address on the day an offer opens.
 */
export async function consumeClaimAllowance(actor: Actor): Promise<void> {
  const result = await consumeRateLimit(`claims:account:${actor.id}`, env().CLAIM_LIMIT_PER_ACCOUNT, WINDOW_SECONDS);
  if (!result.allowed) throw RateLimited(result.retryAfterSeconds);
}
