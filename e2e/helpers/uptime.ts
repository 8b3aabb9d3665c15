import pg from "pg";
import { formatDay } from "../../lib/incidents/uptime-labels";

/**
 * The UTC day a seeded incident started and the day after, as the history bar names them
 * ("12 Nov 2026"). Read from the database, since the seed places incidents relative to when it ran.
 */
export async function incidentDays(slug: string): Promise<[start: string, next: string]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ start: string; next: string }>(
      `SELECT to_char("startedAt", 'YYYY-MM-DD') AS start, to_char("startedAt" + interval '1 day', 'YYYY-MM-DD') AS next FROM "Incident" WHERE slug = $1`,
      [slug],
    );
    if (!rows[0]) throw new Error(`No incident ${slug} in the demo data`);
    return [formatDay(rows[0].start), formatDay(rows[0].next)];
  } finally {
    await client.end();
  }
}
