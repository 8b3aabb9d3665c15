import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { db, pgPool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The Prisma adapter, with the one call every signed-in page makes — session plus user — done as a
 * single plain SQL join: it runs on every request to /me, so its cost is the page's floor.
 */
export function sessionAdapter(): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,
    async getSessionAndUser(sessionToken: string) {
      const { rows } = await pgPool().query<{
        sessionId: string; userId: string; expires: Date; email: string; emailVerified: Date | null; name: string | null; image: string | null; role: Role;
      }>(
        `SELECT s.id AS "sessionId", s."userId", s.expires, u.email, u."emailVerified", u.name, u.image, u.role
         FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."sessionToken" = $1`,
        [sessionToken],
      );
      const row = rows[0];
      if (!row) return null;
      const session: AdapterSession = { sessionToken, userId: row.userId, expires: row.expires };
      const user = { id: row.userId, email: row.email, emailVerified: row.emailVerified, name: row.name, image: row.image, role: row.role } as AdapterUser;
      return { session, user };
    },
  };
}
