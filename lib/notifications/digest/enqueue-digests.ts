import type { Pool } from "pg";

/** The most recent digest moment (today or yesterday at `hour`:00 UTC) not after `now`. */
export function latestDigestMoment(now: Date, hour: number): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  return today <= now ? today : new Date(today.getTime() - 86_400_000);
}

// A worker that was down over the digest hour still sends it within this grace period; later it
// would be yesterday's news, and the next digest covers the updates anyway.
const GRACE_MS = 6 * 3_600_000;

/**
 * Queues the daily digest: one message per daily subscriber who had at least one update in the
 * past day about something they follow. Idempotent (keyed by the day), so every worker may run it.
 */
export async function enqueueDigests(pool: Pool, { hour, now = new Date(), log = () => {} }: { hour: number; now?: Date; log?: (line: string) => void }): Promise<number> {
  const until = latestDigestMoment(now, hour);
  if (now.getTime() - until.getTime() > GRACE_MS) return 0;
  const from = new Date(until.getTime() - 86_400_000);
  const day = until.toISOString().slice(0, 10);
  const result = await pool.query(
    `WITH incs AS (SELECT DISTINCT "incidentId" FROM "IncidentUpdate" WHERE "createdAt" > $1 AND "createdAt" <= $2),
     comps AS (SELECT DISTINCT ic."componentId" FROM "IncidentComponent" ic JOIN incs USING ("incidentId"))
     INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload)
     SELECT 'digest:' || $3 || ':' || s.email, 'incident.digest', s.email, s."userId", 'digest:' || $3,
            jsonb_build_object('from', $1::timestamptz, 'until', $2::timestamptz)
     FROM "EmailSubscription" s
     WHERE s.digest = 'DAILY' AND s."unsubscribedAt" IS NULL AND (s."confirmedAt" IS NOT NULL OR s."userId" IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM "EmailSuppression" z WHERE z.email = s.email)
       AND (
         (s."allIncidents" AND EXISTS (SELECT 1 FROM incs))
         OR EXISTS (SELECT 1 FROM "EmailSubscriptionComponent" c JOIN comps USING ("componentId") WHERE c."subscriptionId" = s.id)
         OR EXISTS (SELECT 1 FROM "RestorationRecord" r JOIN incs USING ("incidentId") WHERE r."userId" = s."userId" AND r.state <> 'NOT_AFFECTED'))
     ON CONFLICT ("dedupeKey") DO NOTHING`,
    [from, until, day],
  );
  const queued = result.rowCount ?? 0;
  if (queued) log(`daily digest ${day}: ${queued} queued`);
  return queued;
}
