import type { PoolClient } from "pg";
import { txSql, type Tx } from "@/lib/db";
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
  SELECT 'restoration:' || c.incident_id || ':' || u.id || ':' || c.key_suffix, 'restoration.progress', u.email, u.id,
         'restoration:' || c.incident_id, jsonb_build_object('incidentId', c.incident_id, 'changes', c.changes),
         now() + make_interval(secs => $1::float8), 'restoration:' || c.incident_id || ':' || u.id
  FROM (${source}) c
  JOIN "User" u ON u.id = c.user_id
  WHERE NOT EXISTS (SELECT 1 FROM "EmailSuppression" z WHERE z.email = u.email)
    AND NOT EXISTS (SELECT 1 FROM "EmailSubscription" s WHERE s.email = u.email AND NOT s."restorationEmails")
  -- Keys in order: a batch's rows then land side by side in the unique indexes.
  ORDER BY c.user_id
  ON CONFLICT ("coalesceKey") WHERE status = 'QUEUED' AND "coalesceKey" IS NOT NULL
  DO UPDATE SET payload = jsonb_set("EmailOutbox".payload, '{changes}',
    COALESCE("EmailOutbox".payload -> 'changes', '{}'::jsonb) || (EXCLUDED.payload -> 'changes'))`;

const UPSERT_ONE_CHANGE = UPSERT(`SELECT $2::int AS incident_id, $3::text AS user_id, 'event-' || $6::text AS key_suffix, jsonb_build_object(d.slug, $5::text) AS changes
            FROM "DataCategory" d WHERE d.id = $4`);

/** A staff change to one record (its history event `eventId`), in the staff member's transaction. */
export async function enqueueRestorationEmail(tx: Tx, change: { incidentId: number; userId: string; categoryId: number; toState: string; eventId: bigint | number | string }): Promise<void> {
  if (change.toState === "NOT_AFFECTED") return;
  await txSql(tx).query(UPSERT_ONE_CHANGE, [
    env().EMAIL_COALESCE_SECONDS,
    change.incidentId,
    change.userId,
    change.categoryId,
    change.toState,
    String(change.eventId),
  ]);
}

/**
 * An import only records that its changes need telling (one EmailFanout row in the import's
 * transaction); the worker turns the batch's history events into one message per person
 * (expandRestorationBatch), so a million-row import does not wait on half a million emails.
 */
export async function enqueueRestorationEmailsForBatch(client: PoolClient, batchId: number, incidentId: number): Promise<void> {
  await client.query(`INSERT INTO "EmailFanout" (kind, "subjectId", payload) VALUES ('restoration-batch', $1, jsonb_build_object('incidentId', $2::int))`, [batchId, incidentId]);
}

const UPSERT_BATCH_CHANGES = UPSERT(`SELECT $2::int AS incident_id, e."userId" AS user_id, 'batch-' || $3::int AS key_suffix,
                   jsonb_object_agg(d.slug, e."toState" ORDER BY e."asOf", e.id) AS changes
            FROM "RestorationEvent" e JOIN "DataCategory" d ON d.id = e."categoryId"
            WHERE e."batchId" = $3::int AND e."fromState" IS DISTINCT FROM e."toState" AND e."toState" <> 'NOT_AFFECTED'
            GROUP BY e."userId"`);

/** The batch's state changes, newest per category, one message per person (coalesced with any pending one). */
export async function expandRestorationBatch(client: PoolClient, batchId: number, incidentId: number): Promise<number> {
  const result = await client.query(
    UPSERT_BATCH_CHANGES,
    [env().EMAIL_COALESCE_SECONDS, incidentId, batchId],
  );
  return result.rowCount ?? 0;
}
