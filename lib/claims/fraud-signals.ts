import { db } from "@/lib/db";
import { QUALIFYING_STATES } from "./eligibility";

export type FraudSignal = { code: "SHARED_IP" | "SHARED_DEVICE" | "SHARED_GIFT_EMAIL" | "INELIGIBLE"; message: string };

export type FraudThresholds = {
  /** Claims (this one included) from one IP address within the window that raise a signal. */
  sameIp: number;
  /** Claims (this one included) from one device id within the window that raise a signal. */
  sameDevice: number;
  windowHours: number;
};

// A household or an office shares one address, so two claims from an IP are ordinary; three in a
// day start to look like one person claiming for several accounts.
export const DEFAULT_FRAUD_THRESHOLDS: FraudThresholds = { sameIp: 3, sameDevice: 3, windowHours: 24 };

type Row = { claimId: number; code: FraudSignal["code"]; n: number; detail: string | null; rule: string | null };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function message(row: Row, windowHours: number): string {
  switch (row.code) {
    case "SHARED_IP":
      return `${plural(row.n, "claim")} from the same IP address in ${windowHours} h`;
    case "SHARED_DEVICE":
      return `${plural(row.n, "claim")} from the same device in ${windowHours} h`;
    case "SHARED_GIFT_EMAIL":
      return `The gift-card email is also on claims from ${plural(row.n, "other account")}`;
    case "INELIGIBLE":
      return row.rule === "ANY_AFFECTED"
        ? `The account is not eligible for “${row.detail}”: none of its data was affected`
        : `The account is not eligible for “${row.detail}”: none of its data is unrecoverable or only partly restored`;
  }
}

/**
 * Fraud signals for a page of claims, in four set-based queries joined into one statement: many
 * claims from one IP or device around the same time, one gift-card email across accounts, and
 * offers claimed by an account the restoration records do not make eligible.
 */
export async function getFraudSignals(claimIds: number[], thresholds: Partial<FraudThresholds> = {}): Promise<Map<number, FraudSignal[]>> {
  const { sameIp, sameDevice, windowHours } = { ...DEFAULT_FRAUD_THRESHOLDS, ...thresholds };
  const result = new Map<number, FraudSignal[]>(claimIds.map((id) => [id, []]));
  if (claimIds.length === 0) return result;
  const window = `${windowHours} hours`;
  const rows = await db.$queryRaw<Row[]>`
    WITH target AS (
      SELECT id, "userId", "incidentId", ip, "deviceId", "giftCardEmail", "createdAt" FROM "Claim" WHERE id = ANY(${claimIds}::int[])
    )
    SELECT t.id AS "claimId", 'SHARED_IP' AS code, count(*)::int AS n, NULL AS detail, NULL AS rule
    FROM target t JOIN "Claim" c ON c.ip = t.ip AND c."createdAt" BETWEEN t."createdAt" - ${window}::interval AND t."createdAt" + ${window}::interval
    WHERE t.ip IS NOT NULL GROUP BY t.id HAVING count(*) >= ${sameIp}
    UNION ALL
    SELECT t.id, 'SHARED_DEVICE', count(*)::int, NULL, NULL
    FROM target t JOIN "Claim" c ON c."deviceId" = t."deviceId" AND c."createdAt" BETWEEN t."createdAt" - ${window}::interval AND t."createdAt" + ${window}::interval
    WHERE t."deviceId" IS NOT NULL GROUP BY t.id HAVING count(*) >= ${sameDevice}
    UNION ALL
    SELECT t.id, 'SHARED_GIFT_EMAIL', count(DISTINCT c."userId")::int, NULL, NULL
    FROM target t JOIN "Claim" c ON lower(c."giftCardEmail") = lower(t."giftCardEmail") AND c."userId" <> t."userId"
    WHERE t."giftCardEmail" IS NOT NULL GROUP BY t.id
    UNION ALL
    SELECT t.id, 'INELIGIBLE', 0, o.title, o.eligibility::text
    FROM target t JOIN "ClaimItem" i ON i."claimId" = t.id JOIN "CompensationOffer" o ON o.id = i."offerId"
    WHERE NOT EXISTS (
      SELECT 1 FROM "RestorationRecord" r
      WHERE r."incidentId" = t."incidentId" AND r."userId" = t."userId"
        AND r.state::text = ANY (CASE WHEN o.eligibility = 'ANY_AFFECTED' THEN ${[...QUALIFYING_STATES.ANY_AFFECTED]}::text[] ELSE ${[...QUALIFYING_STATES.ANY_UNRECOVERABLE_OR_PARTIAL]}::text[] END)
    )`;
  const order: FraudSignal["code"][] = ["INELIGIBLE", "SHARED_GIFT_EMAIL", "SHARED_DEVICE", "SHARED_IP"];
  rows.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  for (const row of rows) result.get(row.claimId)?.push({ code: row.code, message: message(row, windowHours) });
  return result;
}
