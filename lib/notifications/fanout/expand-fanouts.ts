import type { Pool, PoolClient } from "pg";
import { expandRestorationBatch } from "@/lib/notifications/outbox/enqueue-restoration-emails";
import { immediateRecipientsSql } from "./recipients-sql";

/**
 * Expands pending fan-outs, one per transaction: one INSERT … SELECT writes every recipient's
 * outbox row and the fan-out is marked done in the same commit, so a crash either leaves it
 * pending (and the dedupe keys make the retry harmless) or finished. SKIP LOCKED lets several
 * workers share the work. Returns how many fan-outs were expanded.
 */
export async function expandFanouts(pool: Pool, log: (line: string) => void = () => {}): Promise<number> {
  let expanded = 0;
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      // A million-recipient fan-out de-duplicates addresses in memory instead of spilling to disk.
      await client.query("SET LOCAL work_mem = '256MB'");
      const { rows } = await client.query<{ id: number; kind: string; subjectId: number; payload: Record<string, unknown> }>(
        `SELECT id, kind, "subjectId", payload FROM "EmailFanout" WHERE "expandedAt" IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      const fanout = rows[0];
      if (!fanout) {
        await client.query("COMMIT");
        return expanded;
      }
      const started = performance.now();
      const recipients = await expandOne(client, fanout);
      await client.query(`UPDATE "EmailFanout" SET "expandedAt" = now(), recipients = $2 WHERE id = $1`, [fanout.id, recipients]);
      await client.query("COMMIT");
      expanded += 1;
      log(`fan-out ${fanout.kind} #${fanout.subjectId}: ${recipients} recipients queued in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

async function expandOne(client: PoolClient, fanout: { id: number; kind: string; subjectId: number; payload: Record<string, unknown> }): Promise<number> {
  if (fanout.kind === "incident-update") {
    const ref = `incident-update:${fanout.subjectId}`;
    const result = await client.query(
      `WITH u AS (SELECT u.id, u."incidentId", COALESCE(array_agg(ic."componentId") FILTER (WHERE ic."componentId" IS NOT NULL), '{}') AS components
                  FROM "IncidentUpdate" u LEFT JOIN "IncidentComponent" ic ON ic."incidentId" = u."incidentId"
                  WHERE u.id = $1 GROUP BY u.id)
       INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload)
       SELECT $2 || ':' || r.email, 'incident.update', r.email, r."userId", $2, jsonb_build_object('updateId', $1::int)
       FROM (${immediateRecipientsSql("(SELECT components FROM u)::int[]", '(SELECT "incidentId" FROM u)')}) r
       ON CONFLICT ("dedupeKey") DO NOTHING`,
      [fanout.subjectId, ref],
    );
    return result.rowCount ?? 0;
  }
  if (fanout.kind === "maintenance") {
    const event = String(fanout.payload.event ?? "scheduled");
    const ref = `maintenance:${fanout.subjectId}`;
    // Keyed by the fan-out, so a second "rescheduled" notice is a new message but a retried expansion is not.
    const key = `${ref}:${event}:${fanout.id}`;
    const result = await client.query(
      `INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload)
       SELECT $3 || ':' || r.email, 'maintenance.notice', r.email, r."userId", $2, jsonb_build_object('maintenanceId', $1::int, 'event', $4::text)
       FROM (${immediateRecipientsSql("$5::int[]", "NULL::int")}) r
       ON CONFLICT ("dedupeKey") DO NOTHING`,
      [fanout.subjectId, ref, key, event, await maintenanceComponents(client, fanout.subjectId)],
    );
    return result.rowCount ?? 0;
  }
  if (fanout.kind === "restoration-batch") return expandRestorationBatch(client, fanout.subjectId, Number(fanout.payload.incidentId));
  throw new Error(`Unknown fan-out kind "${fanout.kind}"`);
}

async function maintenanceComponents(client: PoolClient, maintenanceId: number): Promise<number[]> {
  const { rows } = await client.query<{ componentId: number }>(`SELECT "componentId" FROM "MaintenanceComponent" WHERE "maintenanceId" = $1`, [maintenanceId]);
  return rows.map((r) => r.componentId);
}
