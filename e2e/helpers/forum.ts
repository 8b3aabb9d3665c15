// Q&A rows that belong to one browser test only, written straight into the test database.
import { randomUUID } from "node:crypto";
import { withDb } from "./db";


/** An incident of the test's own, resolved long ago so it never shows among the active ones. */
export async function createQaIncident(): Promise<{ id: number; slug: string; title: string }> {
  const tag = randomUUID().slice(0, 8);
  const slug = `qa-test-${tag}`;
  const title = `Q&A test ${tag}`;
  const { rows } = await withDb((c) =>
    c.query<{ id: number }>(
      `INSERT INTO "Incident" (slug, title, impact, status, "startedAt", "resolvedAt", "updatedAt")
       VALUES ($1, $2, 'MINOR', 'RESOLVED', now() - interval '300 days', now() - interval '299 days', now()) RETURNING id`,
      [slug, title],
    ),
  );
  return { id: rows[0]!.id, slug, title };
}

/** A subscriber of the test's own (sign-in links are rate-limited per address). */
export async function newSubscriber(name = "Avery Quinn"): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `subscriber-${id.slice(0, 8)}@qa.example.com`;
  await withDb((c) => c.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'SUBSCRIBER', now())`, [id, email, name]));
  return { id, email };
}

/** A question posted earlier, written directly (no posting allowance involved). */
export async function seedQuestion(incidentId: number, authorId: string, body: string): Promise<number> {
  const { rows } = await withDb((c) =>
    c.query<{ id: number }>(`INSERT INTO "ForumPost" ("incidentId", "authorId", body, "createdAt") VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC' - interval '1 hour') RETURNING id`, [incidentId, authorId, body]),
  );
  return rows[0]!.id;
}
