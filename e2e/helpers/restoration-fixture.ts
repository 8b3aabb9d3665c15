// Rows that belong to one browser test only, written straight into the test database, so a test
// that changes them never disturbs what another test reads.
import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * An incident with a plan of three phases (contacts, calendar, notes) for the plan editor to
 * change. Resolved long ago, so it is never listed as active or taken as a default incident.
 */
export async function createPlanIncident(): Promise<{ slug: string; title: string }> {
  const tag = randomUUID().slice(0, 8);
  const slug = `plan-editor-${tag}`;
  const title = `Plan editor test ${tag}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "Incident" (slug, title, impact, status, "startedAt", "resolvedAt", "updatedAt")
       VALUES ($1, $2, 'MAJOR', 'RESOLVED', now() - interval '400 days', now() - interval '399 days', now()) RETURNING id`,
      [slug, title],
    );
    await client.query(
      `INSERT INTO "RestorationPhase" ("incidentId", "categoryId", position, "updatedAt")
       SELECT $1, id, row_number() OVER (ORDER BY position) - 1, now() FROM "DataCategory" WHERE slug IN ('contacts', 'calendar', 'notes')`,
      [rows[0]!.id],
    );
  } finally {
    await client.end();
  }
  return { slug, title };
}
