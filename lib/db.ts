import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isEmbeddedDatabase } from "@/lib/embedded-database";
import { env } from "@/lib/env";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process; development hot reloads would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { aftercareDb?: PrismaClient };

function client(): PrismaClient {
  globalForDb.aftercareDb ??= createClient();
  return globalForDb.aftercareDb;
}

/**
 * The one Prisma client. Created on first use, so that importing a module (as `next build`
 * does while collecting pages) never requires a database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});


const globalForPool = globalThis as unknown as { aftercarePool?: pg.Pool; aftercareEmbedded?: boolean };

/**
 * A plain pg pool for what Prisma cannot express (COPY into staging tables) and for the few hot
 * read paths where one hand-written join beats several ORM round trips.
 * Same database and configuration as the Prisma client.
 */
export function pgPool(): pg.Pool {
  if (!globalForPool.aftercarePool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
    // An idle connection the server drops (the database went away) is an 'error' event on the
    // pool; without a listener it is an uncaught exception that takes the whole process down.
    pool.on("error", (error) => console.warn(`database connection lost: ${error.message}`));
    globalForPool.aftercarePool = pool;
  }
  return globalForPool.aftercarePool;
}

/**
 * A name for a hot statement, so each pooled connection parses and plans it once. The embedded
 * database serves all its connections from one session, where a second connection preparing the
 * same name would fail: there statements stay unnamed.
 */
export function preparedName(name: string): string | undefined {
  return onEmbeddedDatabase() ? undefined : name;
}

/** Whether DATABASE_URL is the embedded PGlite (checked once per process). */
export function onEmbeddedDatabase(): boolean {
  globalForPool.aftercareEmbedded ??= isEmbeddedDatabase(env().DATABASE_URL);
  return globalForPool.aftercareEmbedded;
}

export async function disconnectDb(): Promise<void> {
  if (globalForDb.aftercareDb) await globalForDb.aftercareDb.$disconnect();
  globalForDb.aftercareDb = undefined;
  if (globalForPool.aftercarePool) await globalForPool.aftercarePool.end();
  globalForPool.aftercarePool = undefined;
}

/**
 * Where raw SQL runs: a pg client (imports, hot reads) or a Prisma interactive transaction. Use
 * cases that run under both take this shape instead of having twin functions.
 */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export const pgSql = (client: Pick<pg.PoolClient, "query">): SqlClient => ({
  query: async <R,>(text: string, values: unknown[] = []) => ({ rows: (await client.query(text, values)).rows as R[] }),
});

export const txSql = (tx: Tx): SqlClient => ({
  query: async <R,>(text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<R[]>(text, ...values) }),
});
