/**
 * Who hears about an incident or maintenance, as SQL: `components` is an int[] expression (the
 * event's services), `incidentId` an int expression (whose affected subscribers are included;
 * NULL for maintenance).
 * One row per address: confirmed subscribers of every incident or of one of the components,
 * plus the accounts the incident affected — minus unsubscribed, daily-digest and suppressed
 * addresses. The worker checks the choices again at send time.
 */
export const immediateRecipientsSql = (components: string, incidentId: string) => `
  SELECT DISTINCT ON (email) email, "userId" FROM (
    SELECT s.email, s."userId" FROM "EmailSubscription" s
    WHERE s."confirmedAt" IS NOT NULL AND s."unsubscribedAt" IS NULL AND s.digest = 'IMMEDIATE'
      AND (s."allIncidents" OR EXISTS (
        SELECT 1 FROM "EmailSubscriptionComponent" c WHERE c."subscriptionId" = s.id AND c."componentId" = ANY(${components})))
    UNION ALL
    SELECT u.email, u.id FROM (
      SELECT DISTINCT "userId" FROM "RestorationRecord" WHERE "incidentId" = ${incidentId} AND state <> 'NOT_AFFECTED'
    ) a JOIN "User" u ON u.id = a."userId"
    WHERE NOT EXISTS (
      SELECT 1 FROM "EmailSubscription" s WHERE s.email = u.email AND (s."unsubscribedAt" IS NOT NULL OR s.digest = 'DAILY'))
  ) r
  WHERE NOT EXISTS (SELECT 1 FROM "EmailSuppression" z WHERE z.email = r.email)
  ORDER BY email, "userId" NULLS LAST`;
