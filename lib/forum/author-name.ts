import type { Role } from "@/lib/generated/prisma/enums";
import { isStaff } from "@/lib/auth/roles";

/**
 * How an author appears to everyone: a first name and last initial ("Sam R."), or "Subscriber" /
 * "Support team" when there is no usable name. Never an email address, never a full surname.
 */
export function authorDisplayName(name: string | null, role: Role): string {
  const fallback = isStaff(role) ? "Support team" : "Subscriber";
  if (!name || name.includes("@")) return fallback;
  // Words that start with a letter: skips "(Support)" and similar decorations.
  const words = name.trim().split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const first = words[0]?.slice(0, 24);
  if (!first) return fallback;
  if (isStaff(role)) return first;
  const initial = words[1]?.[0];
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}
