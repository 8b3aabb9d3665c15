// Incidents that belong to one browser test only, written straight into the test database.
import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * A resolved incident from long ago affecting Photos, with one update. Resolved, so it never shows
 * among the active incidents other tests look at, and nothing a test posts on it as "resolved"
 * changes any service's status.
 */
export async function createResolvedIncident(what: string): Promise<{ id: number; slug: string; title: string }> {
  const tag = randomUUID().slice(0, 8);
  const slug = `${what.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tag}`;
  const title = `${what} ${tag}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "Incident" (slug, title, impact, status, "startedAt", "resolvedAt", "updatedAt")
       VALUES ($1, $2, 'MINOR', 'RESOLVED', now() - interval '300 days', now() - interval '299 days', now()) RETURNING id`,
      [slug, title],
    );
    const id = rows[0]!.id;
    await client.query(`INSERT INTO "IncidentComponent" ("incidentId", "componentId", status) SELECT $1, id, 'DEGRADED' FROM "Component" WHERE slug = 'photos'`, [id]);
    await client.query(`INSERT INTO "IncidentUpdate" ("incidentId", status, body, "createdAt") VALUES ($1, 'RESOLVED', 'Photo uploads are back to normal.', now() - interval '299 days')`, [id]);
    return { id, slug, title };
  } finally {
    await client.end();
  }
}
