import type { Role } from "@/lib/generated/prisma/enums";
import { isStaff } from "./roles";

/** Where a sign-in with no particular destination goes: it picks the home of the person's role. */
export const LANDING_PATH = "/signin/landing";

/** Only same-site paths are allowed as post-sign-in destinations (no open redirects). */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/me"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/**
 * Where the sign-in link should lead. "My recovery" is the header's sign-in button for everyone,
 * so a bare `/me` (like no destination at all) means "my home", decided once the role is known.
 */
export function signInDestination(callbackUrl: string | undefined | null): string {
  const safe = safeCallbackUrl(callbackUrl, LANDING_PATH);
  return safe === "/me" ? LANDING_PATH : safe;
}

/** Each role's home after signing in: staff work from /admin, subscribers follow their recovery. */
export function homePathFor(role: Role): string {
  return isStaff(role) ? "/admin" : "/me";
}
