import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { EligibilityRule, RestorationState } from "@/lib/generated/prisma/enums";

/** One restoration record as eligibility sees it: which category, and where it stands. */
export interface EligibilityRecord {
  categoryName: string;
  state: RestorationState;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Plain words for the subscriber: why they qualify, or why they do not. */
  reasons: string[];
}

/** The record states that qualify a subscriber for each rule; the SQL of grants uses the same lists. */
export const QUALIFYING_STATES: Record<EligibilityRule, readonly RestorationState[]> = {
  ANY_AFFECTED: ["AFFECTED", "RECOVERED", "VALIDATED", "RESTORING", "RESTORED", "PARTIAL", "UNRECOVERABLE"],
  ANY_UNRECOVERABLE_OR_PARTIAL: ["PARTIAL", "UNRECOVERABLE"],
};

export const RULE_LABEL: Record<EligibilityRule, string> = {
  ANY_AFFECTED: "Any data affected",
  ANY_UNRECOVERABLE_OR_PARTIAL: "Some data could not be recovered (unrecoverable or only partly back)",
};

function qualifyingReason(rule: EligibilityRule, record: EligibilityRecord): string {
  const what = record.categoryName.toLowerCase();
  if (record.state === "UNRECOVERABLE") return `your ${what} could not be recovered`;
  if (record.state === "PARTIAL") return `only part of your ${what} could be recovered`;
  return rule === "ANY_AFFECTED" ? `your ${what} ${what.endsWith("s") ? "were" : "was"} affected by the incident` : `your ${what}`;
}

/** Whether a subscriber's records meet a rule, with one reason per category that decides it. */
export function evaluateEligibility(rule: EligibilityRule, records: readonly EligibilityRecord[]): EligibilityResult {
  const qualifying = records.filter((r) => QUALIFYING_STATES[rule].includes(r.state));
  if (qualifying.length > 0) return { eligible: true, reasons: qualifying.map((r) => qualifyingReason(rule, r)) };
  const affected = records.filter((r) => r.state !== "NOT_AFFECTED");
  if (affected.length === 0) return { eligible: false, reasons: ["none of your data was affected by this incident"] };
  const stillOpen = affected.filter((r) => !["RESTORED", "PARTIAL", "UNRECOVERABLE"].includes(r.state));
  if (stillOpen.length > 0) {
    return { eligible: false, reasons: ["so far everything affected is expected to come back; this offer opens to you if some of it turns out to be lost"] };
  }
  return { eligible: false, reasons: ["everything of yours that was affected has been recovered"] };
}

/** One subscriber's records for an incident, in plan order. */
export async function loadEligibilityRecords(client: Tx | typeof db, { incidentId, userId }: { incidentId: number; userId: string }): Promise<EligibilityRecord[]> {
  const rows = await client.restorationRecord.findMany({
    where: { incidentId, userId },
    select: { state: true, category: { select: { name: true, position: true } } },
    orderBy: { category: { position: "asc" } },
  });
  return rows.map((r) => ({ categoryName: r.category.name, state: r.state }));
}
