import { Prisma } from "@/lib/generated/prisma/client";

/** "address contains q" for a staff search, with q's own % and _ taken literally. */
export function addressContains(column: Prisma.Sql, q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  return Prisma.sql`AND ${column} ILIKE ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`;
}
