// Benchmark-sized Q&A for one incident, generated inside PostgreSQL with set-based SQL.
// `tsx prisma/seed-forum-bulk.ts [--incident <slug>] [--posts 10000]` (needs the demo seed).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";

export interface BulkForumResult {
  questions: number;
  replies: number;
  votes: number;
  seconds: number;
}

/**
 * Inserts `count` posts under the incident: about 80 % questions and 20 % replies, one official
 * staff answer in every 25 replies, "I have this too" votes skewed so a few questions draw most of
 * them, and timestamps shared by groups of three posts (keyset pagination must break ties by id).
 * Posts and replies are one INSERT … SELECT generate_series; votes one more; then replyCount and
 * voteCount are recomputed from the rows, so both stay exact.
 */
export async function seedBulkForumPosts(pool: pg.Pool, incidentSlug: string, count: number): Promise<BulkForumResult> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive whole number, got ${count}`);
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Keeps other writers out until commit, so the posts from firstNewId on are this run's alone.
    await client.query(`LOCK TABLE "ForumPost" IN SHARE ROW EXCLUSIVE MODE`);
    const { rows: ids } = await client.query<{ incidentId: number | null; staffId: string | null; firstNewId: number }>(
      `SELECT (SELECT id FROM "Incident" WHERE slug = $1) AS "incidentId",
              (SELECT id FROM "User" WHERE role IN ('SUPPORT', 'ADMIN') ORDER BY "createdAt", id LIMIT 1) AS "staffId",
              (SELECT COALESCE(max(id), 0) + 1 FROM "ForumPost") AS "firstNewId"`,
      [incidentSlug],
    );
    const { incidentId, staffId, firstNewId } = ids[0]!;
    if (!incidentId) throw new Error(`Incident ${incidentSlug} not found: run the demo seed first`);
    if (!staffId) throw new Error("No staff user to write official answers: run the demo seed first");
    const questions = count - Math.floor(count / 5);
    const replies = count - questions;

    await client.query(
      `WITH authors AS (
         SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM "User" WHERE role = 'SUBSCRIBER' ORDER BY id LIMIT 500) s
       ), q AS (
         INSERT INTO "ForumPost" ("incidentId", "authorId", body, "createdAt")
         SELECT $1, a.ids[1 + g % cardinality(a.ids)],
                'Question ' || g || ': is my ' || (ARRAY['contacts', 'calendar', 'photos', 'notes', 'high scores'])[1 + g % 5] || ' data affected, and when will it be back?',
                (now() AT TIME ZONE 'UTC') - (g / 3) * interval '13 seconds'
         FROM generate_series(1, $2::int) AS g, authors a
         RETURNING id, "createdAt"
       ), numbered AS (
         SELECT id, "createdAt", row_number() OVER (ORDER BY id) AS n FROM q
       )
       INSERT INTO "ForumPost" ("incidentId", "parentId", "authorId", body, "isOfficial", "createdAt")
       SELECT $1, nq.id,
              CASE WHEN g % 25 = 0 THEN $4 ELSE a.ids[1 + (g * 7) % cardinality(a.ids)] END,
              CASE WHEN g % 25 = 0 THEN 'Official answer ' || g || ': your data is being restored category by category; My recovery shows your dates.'
                   ELSE 'Reply ' || g || ': same here, still waiting.' END,
              g % 25 = 0,
              nq."createdAt" + (1 + g % 90) * interval '1 minute'
       FROM generate_series(1, $3::int) AS g
       JOIN numbered nq ON nq.n = 1 + (g::bigint * 7919) % $2
       CROSS JOIN authors a`,
      [incidentId, questions, replies, staffId],
    );

    // Votes: 0 for most questions, dozens for a few (h⁶ skews towards zero), never above the voters there are.
    const votes = await client.query(
      `WITH voters AS (
         SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM "User" WHERE role = 'SUBSCRIBER' ORDER BY id LIMIT 500) s
       )
       INSERT INTO "ForumVote" ("postId", "userId")
       SELECT p.id, v.ids[k]
       FROM "ForumPost" p CROSS JOIN voters v
       CROSS JOIN LATERAL generate_series(1, LEAST(cardinality(v.ids), floor(power((abs(hashint4(p.id)) % 1000) / 1000.0, 6) * 100)::int)) AS k
       WHERE p.id >= $1 AND p."incidentId" = $2 AND p."parentId" IS NULL
       ON CONFLICT DO NOTHING`,
      [firstNewId, incidentId],
    );
    await client.query(
      `UPDATE "ForumPost" p SET "voteCount" = v.n
       FROM (SELECT "postId", count(*)::int AS n FROM "ForumVote" WHERE "postId" >= $1 GROUP BY "postId") v
       WHERE p.id = v."postId"`,
      [firstNewId],
    );
    await client.query(
      `UPDATE "ForumPost" p SET "replyCount" = r.n
       FROM (SELECT "parentId", count(*)::int AS n FROM "ForumPost" WHERE id >= $1 AND "parentId" IS NOT NULL AND "hiddenAt" IS NULL GROUP BY "parentId") r
       WHERE p.id = r."parentId"`,
      [firstNewId],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "ForumPost"`);
    return { questions, replies, votes: votes.rowCount ?? 0, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await import("../scripts/load-env");
  const { values } = parseArgs({ options: { incident: { type: "string", default: "subscriber-data-loss" }, posts: { type: "string", default: "10000" } } });
  const { resolveDatabaseUrl } = await import("../scripts/db/database-url");
  const pool = new pg.Pool({ connectionString: await resolveDatabaseUrl(), max: 1 });
  const result = await seedBulkForumPosts(pool, values.incident, Number(values.posts.replace(/[_,]/g, "")));
  console.log(`Forum: ${result.questions} questions, ${result.replies} replies, ${result.votes} votes in ${result.seconds.toFixed(1)} s.`);
  await pool.end();
}
