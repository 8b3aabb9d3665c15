import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/security/rate-limit";

const WINDOW_SECONDS = 15 * 60;

/** Throws RateLimited when this address or this IP has asked for too many links recently. */
export async function checkSignInLimits({ email, ip }: { email: string; ip: string }): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const [byIp, byEmail] = await Promise.all([
    consumeRateLimit(`signin:ip:${ip}`, env().SIGNIN_LIMIT_PER_IP, WINDOW_SECONDS),
    consumeRateLimit(`signin:email:${normalized}`, env().SIGNIN_LIMIT_PER_EMAIL, WINDOW_SECONDS),
  ]);
  const blocked = [byIp, byEmail].filter((r) => !r.allowed);
  if (blocked.length) throw RateLimited(Math.max(...blocked.map((r) => r.retryAfterSeconds)));
}
