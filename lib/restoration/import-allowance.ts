import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/security/rate-limit";

const WINDOW_SECONDS = 15 * 60;

/** Counts one import against an API token: a runaway pipeline cannot keep the import lock busy. */
export async function consumeImportAllowance(token: { id: number }): Promise<void> {
  const result = await consumeRateLimit(`imports:token:${token.id}`, env().IMPORT_LIMIT_PER_TOKEN, WINDOW_SECONDS);
  if (!result.allowed) throw RateLimited(result.retryAfterSeconds);
}
