import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { readCookie } from "@/lib/http/cookies";

/**
 * A long-lived random id per browser, set on first use: claims from one device across accounts
 * are a fraud signal. Free of Next.js imports, so plain Web handlers can use it.
 */
export const DEVICE_COOKIE = "aftercare_device";
export const DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 400;
export const isDeviceId = (value: string | undefined): value is string => Boolean(value && /^[0-9a-f-]{36}$/.test(value));
export const secureCookies = () => env().NEXTAUTH_URL.startsWith("https:");

/** The id for a plain Web request: `setCookie` is the header to send when it is new. */
export function requestDeviceId(request: Request): { id: string; setCookie?: string } {
  const existing = readCookie(request.headers.get("cookie"), DEVICE_COOKIE);
  if (isDeviceId(existing)) return { id: existing };
  const id = randomUUID();
  return { id, setCookie: `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}` };
}
