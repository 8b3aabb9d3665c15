// Rows that belong to one browser test only, written straight into the test database, so a test
// that changes them never disturbs what another test reads.
import { randomUUID } from "node:crypto";
import pg from "pg";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: run browser tests through `npm run test:e2e`");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A support staff member of this test's own, who signs in without sharing anyone's rate limit. */
export async function createStaffMember(): Promise<string> {
  const email = `support-${randomUUID().slice(0, 8)}@staff.test`;
  await withDb((c) => c.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, 'Test Support', 'SUPPORT', now())`, [randomUUID(), email]));
  return email;
}

/**
 * An open incident with a plan of three phases (contacts, calendar, notes). It started earlier
 * than the demo incident, so it never becomes the plan editor's default.
 */
export async function createPlanIncident(): Promise<{ slug: string; title: string }> {
  const tag = randomUUID().slice(0, 8);
  const slug = `plan-editor-${tag}`;
  const title = `Plan editor test ${tag}`;
  await withDb(async (c) => {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO "Incident" (slug, title, impact, status, "startedAt", "updatedAt") VALUES ($1, $2, 'MAJOR', 'IDENTIFIED', now() - interval '60 days', now()) RETURNING id`,
      [slug, title],
    );
    await c.query(
      `INSERT INTO "RestorationPhase" ("incidentId", "categoryId", position, "updatedAt")
       SELECT $1, id, row_number() OVER (ORDER BY position) - 1, now() FROM "DataCategory" WHERE slug IN ('contacts', 'calendar', 'notes')`,
      [rows[0]!.id],
    );
  });
  return { slug, title };
}
