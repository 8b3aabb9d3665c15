import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isEmbeddedDatabase } from "@/lib/embedded-database";
import { env } from "@/lib/env";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  // Prisma's adapter borrows the process's one pool: one set of connections per process, shared with
  // the COPY and raw-SQL paths, so DATABASE_POOL_SIZE is the process's whole budget.
  return new PrismaClient({ adapter: new PrismaPg(pgPool()) });
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
 * The process's one connection pool. Prisma's client runs on it (through its pg adapter), and so do
 * what Prisma cannot express (COPY into staging tables) and the few hot read paths where one
 * hand-written join beats several ORM round trips.
 */
export function pgPool(): pg.Pool {
  if (!globalForPool.aftercarePool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
    // An idle connection the server dropped (a restart, a failover) is replaced on next use; without
    // a listener its error would end the process.
    pool.on("error", (error) => console.error("Database connection lost:", error.message));
    globalForPool.aftercarePool = pool;
  }
  return globalForPool.aftercarePool;
}

/**
 * Makes the database ready before a process takes requests: opens up to `connections` of the pool's
 * connections at once, and starts Prisma's query engine, whose first use compiles a WebAssembly
 * module (measured here: about 200 ms of blocked event loop). A service that takes bursts (the API
 * service) calls it before it listens, so the first burst neither waits for connections nor stalls
 * behind that compile. A database that refuses is reported, not fatal: the pool connects on demand
 * later, as it always does. Answers how many connections were opened.
 */
export async function warmUpDatabase(connections = Number(process.env.DATABASE_POOL_SIZE ?? 10)): Promise<number> {
  const results = await Promise.allSettled(Array.from({ length: connections }, () => pgPool().connect()));
  for (const result of results) if (result.status === "fulfilled") result.value.release();
  const refused = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  try {
    await db.$connect();
    await db.user.findFirst({ where: { id: "" }, select: { id: true } });
  } catch (error) {
    console.error(`Prisma's query engine did not start ahead of requests: ${(error as Error).message}`);
  }
  if (refused) console.error(`Could not open every database connection ahead of requests: ${(refused.reason as Error).message}`);
  return results.filter((result) => result.status === "fulfilled").length;
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
