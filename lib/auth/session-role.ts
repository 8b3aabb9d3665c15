import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The role behind a session token, or null when the session is missing, expired or revoked. */
export async function roleForSessionToken(sessionToken: string): Promise<Role | null> {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { role: true } } },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return session.user.role;
}
