import { randomUUID } from "node:crypto";
import { withDb } from "./db";
import type { RestorationState } from "../../lib/generated/prisma/enums";
import { IMPORT_COLUMNS } from "../../lib/restoration/import-format";

export interface RecordRow {
  category: string;
  state: RestorationState;
  lost: number;
  recovered: number;
  restored: number;
}


/**
 * A staff member of the test's own: sign-in is rate-limited per address, and two tests asking
 * for a link to the same address at once could each pick up the other's.
 */
export async function newStaffMember(role: "SUPPORT" | "ADMIN"): Promise<string> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@staff.example.com`;
  await withDb((c) => c.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`, [randomUUID(), email, `E2E ${role}`, role]));
  return email;
}

/** The email on file for a demo subscriber's account reference. */
export async function emailOf(ref: string): Promise<string> {
  const { rows } = await withDb((c) => c.query<{ email: string }>(`SELECT email FROM "User" WHERE "accountRef" = $1`, [ref]));
  if (!rows[0]) throw new Error(`No subscriber ${ref} in the demo data`);
  return rows[0].email;
}

/** A demo subscriber's records in the demo incident, read straight from the test database. */
export async function recordsOf(ref: string): Promise<RecordRow[]> {
  return withDb(async (client) => {
    const { rows } = await client.query<RecordRow>(
      `SELECT c.slug AS category, r.state, r."itemsLost" AS lost, r."itemsRecovered" AS recovered, r."itemsRestored" AS restored
       FROM "RestorationRecord" r JOIN "User" u ON u.id = r."userId" JOIN "DataCategory" c ON c.id = r."categoryId"
       JOIN "Incident" i ON i.id = r."incidentId"
       WHERE u."accountRef" = $1 AND i.slug = 'subscriber-data-loss' ORDER BY c.position`,
      [ref],
    );
    return rows;
  });
}

/** A minute ago: recent enough to be newer than the seeded records, never in the future. */
export const recently = () => new Date(Date.now() - 60_000).toISOString();

export function csv(rows: string[]): string {
  return `${IMPORT_COLUMNS.join(",")}\n${rows.join("\n")}\n`;
}

/** The next legal step forward for a record, as a CSV row, or null when there is no simple one. */
export function stepForward(ref: string, r: RecordRow, asOf = recently()): { row: string; to: RestorationState } | null {
  const row = (to: RestorationState, lost: number, recovered: number, restored: number) => ({ row: [ref, r.category, to, lost, recovered, restored, asOf].join(","), to });
  switch (r.state) {
    case "NOT_AFFECTED":
      return row("AFFECTED", 12, 0, 0);
    case "AFFECTED":
      return row("RECOVERED", r.lost, r.lost, 0);
    case "RECOVERED":
      return row("VALIDATED", r.lost, r.recovered, 0);
    case "VALIDATED":
      return row("RESTORING", r.lost, r.recovered, Math.floor(r.recovered / 2));
    case "RESTORING":
      return r.recovered === r.lost ? row("RESTORED", r.lost, r.lost, r.lost) : null;
    default:
      return null;
  }
}

/** The first of a subscriber's records that can move forward, preferring the given states. */
export async function forwardStep(ref: string, prefer: RestorationState[] = ["AFFECTED", "RECOVERED", "VALIDATED", "NOT_AFFECTED", "RESTORING"]) {
  const records = await recordsOf(ref);
  for (const state of prefer) {
    for (const record of records.filter((r) => r.state === state)) {
      const step = stepForward(ref, record);
      if (step) return { record, ...step };
    }
  }
  throw new Error(`${ref} has no record that can simply move forward: ${JSON.stringify(records)}`);
}
