import type { TableSum } from "./manifest";

/** Runs one statement; a pg client and a PGlite instance both fit. */
export type Query = <R>(sql: string) => Promise<R[]>;

/**
 * Row text depends on these settings (timestamptz in the session's time zone, float digits), so the
 * backup and every verification set them alike.
 */
export const STABLE_TEXT_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, MDY'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
];

const TABLES_SQL = `
  SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name
  FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
  ORDER BY schemaname, tablename`;

/**
 * Per table: the row count and the sum of the first 64 bits of each row's md5, as an exact
 * numeric. The sum is order-independent (a restore may lay rows out differently), and any changed,
 * added or removed row changes it. Computed by the server, so no table passes through Node.
 */
export const tableSumSql = (table: string) =>
  `SELECT count(*)::bigint::text AS rows, coalesce(sum(('x' || substr(md5(t::text), 1, 16))::bit(64)::bigint), 0)::text AS checksum FROM ${table} t`;

export async function tableSums(query: Query): Promise<TableSum[]> {
  const tables = await query<{ name: string }>(TABLES_SQL);
  const sums: TableSum[] = [];
  for (const { name } of tables) {
    const [row] = await query<{ rows: string; checksum: string }>(tableSumSql(name));
    sums.push({ table: name, rows: Number(row!.rows), checksum: row!.checksum });
  }
  return sums;
}

export async function databaseVersions(query: Query): Promise<{ postgresVersion: string; schemaVersion: string | null }> {
  const [version] = await query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const [hasMigrations] = await query<{ present: boolean }>("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present");
  let schemaVersion: string | null = null;
  if (hasMigrations?.present) {
    const [latest] = await query<{ name: string }>(
      `SELECT migration_name AS name FROM public._prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
    );
    schemaVersion = latest?.name ?? null;
  }
  return { postgresVersion: version!.v, schemaVersion };
}
