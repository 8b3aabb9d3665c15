import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { findSessionAndUser } from "./session-lookup";

/**
 * The Prisma adapter, with the one call every signed-in page makes — session plus user — done as a
 * single plain SQL join (findSessionAndUser).
 */
export function sessionAdapter(): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,
    async getSessionAndUser(sessionToken: string) {
      const row = await findSessionAndUser(sessionToken);
      if (!row) return null;
      const session: AdapterSession = { sessionToken, userId: row.userId, expires: row.expires };
      const user = { id: row.userId, email: row.email, emailVerified: row.emailVerified, name: row.name, image: row.image, role: row.role } as AdapterUser;
      return { session, user };
    },
  };
}
