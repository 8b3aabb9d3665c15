import type { PoolClient } from "pg";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Restoration news is coalesced: a person has at most one pending "restoration.progress" message
 * per incident (partial unique index on coalesceKey WHERE status = 'QUEUED'). It waits
 * EMAIL_COALESCE_SECONDS from the first change; every change meanwhile merges its category into
 * the same message, so "contacts" then "calendar" a minute later become one email. Once a worker
 * has claimed the message, the next change starts a new one.
 */
const UPSERT = (source: string) => `
  INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload, "nextAttemptAt", "coalesceKey")
  SELECT 'restoration:' || c.incident_id || ':' || u.id || ':' || gen_random_uuid(), 'restoration.progress', u.email, u.id,
         'restoration:' || c.incident_id, jsonb_build_object('incidentId', c.incident_id, 'changes', c.changes),
         now() + make_interval(secs => $1::float8), 'restoration:' || c.incident_id || ':' || u.id
  FROM (${source}) c
  JOIN "User" u ON u.id = c.user_id
  WHERE NOT EXISTS (SELECT 1 FROM "EmailSuppression" z WHERE z.email = u.email)
    AND NOT EXISTS (SELECT 1 FROM "EmailSubscription" s WHERE s.email = u.email AND NOT s."restorationEmails")
  ON CONFLICT ("coalesceKey") WHERE status = 'QUEUED' AND "coalesceKey" IS NOT NULL
  DO UPDATE SET payload = jsonb_set("EmailOutbox".payload, '{changes}',
    COALESCE("EmailOutbox".payload -> 'changes', '{}'::jsonb) || (EXCLUDED.payload -> 'changes'))`;

/** A staff change to one record, in the staff member's transaction. */
export async function enqueueRestorationEmail(tx: Tx, change: { incidentId: number; userId: string; categoryId: number; toState: string }): Promise<void> {
  if (change.toState === "NOT_AFFECTED") return;
  await tx.$executeRawUnsafe(
    UPSERT(`SELECT $2::int AS incident_id, $3::text AS user_id, jsonb_build_object(d.slug, $5::text) AS changes FROM "DataCategory" d WHERE d.id = $4`),
    env().EMAIL_COALESCE_SECONDS,
    change.incidentId,
    change.userId,
    change.categoryId,
    change.toState,
  );
}

/**
 * An import's state changes, one message per person, in the import's transaction. Reads the
 * import's `steps` table (import-sql.ts): rows applied as the record's newest state.
 */
export async function enqueueRestorationEmailsAfterImport(client: PoolClient, incidentId: number): Promise<number> {
  const result = await client.query(
    UPSERT(`SELECT $2::int AS incident_id, s.user_id, jsonb_object_agg(d.slug, s.state) AS changes
            FROM steps s JOIN "DataCategory" d ON d.id = s.category_id
            WHERE s.error IS NULL AND NOT s.stale AND s.is_last AND s.cur_state IS DISTINCT FROM s.state AND s.state <> 'NOT_AFFECTED'
            GROUP BY s.user_id`),
    [env().EMAIL_COALESCE_SECONDS, incidentId],
  );
  return result.rowCount ?? 0;
}
