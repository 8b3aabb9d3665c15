import { pgPool } from "@/lib/db";
import type { PhaseState, RestorationState } from "@/lib/generated/prisma/enums";
import { estimateEta, type Eta } from "@/lib/restoration/eta";
import { isSettled } from "@/lib/restoration/transitions";
import { utcWeekdayTime } from "./email-dates";

export interface CategoryNow {
  slug: string;
  name: string;
  itemNoun: string;
  state: RestorationState;
  itemsLost: number;
  itemsRestored: number;
  position: number;
  eta: Eta;
}

/** Restoration records of many (incident, subscriber) pairs in one query, keyed "incidentId:userId". */
export async function loadPersonalRestoration(pairs: { incidentId: number; userId: string }[], now = new Date()): Promise<Map<string, CategoryNow[]>> {
  const result = new Map<string, CategoryNow[]>();
  if (pairs.length === 0) return result;
  const { rows } = await pgPool().query<{
    incidentId: number; userId: string; slug: string; name: string; itemNoun: string; state: RestorationState; itemsLost: number; itemsRestored: number;
    position: number | null; phaseState: PhaseState | null; plannedStart: Date | null; plannedEnd: Date | null; affectedCount: number | null; settledCount: number | null;
  }>(
    `SELECT r."incidentId", r."userId", c.slug, c.name, c."itemNoun", r.state, r."itemsLost", r."itemsRestored",
            p.position, p.state AS "phaseState", p."plannedStart", p."plannedEnd", p."affectedCount", p."settledCount"
     FROM unnest($1::int[], $2::text[]) AS k("incidentId", "userId")
     JOIN "RestorationRecord" r ON r."incidentId" = k."incidentId" AND r."userId" = k."userId"
     JOIN "DataCategory" c ON c.id = r."categoryId"
     LEFT JOIN "RestorationPhase" p ON p."incidentId" = r."incidentId" AND p."categoryId" = r."categoryId"
     ORDER BY COALESCE(p.position, 99), c.position`,
    [pairs.map((p) => p.incidentId), pairs.map((p) => p.userId)],
  );
  for (const r of rows) {
    const key = `${r.incidentId}:${r.userId}`;
    const phase = r.phaseState === null ? null : { state: r.phaseState, plannedStart: r.plannedStart, plannedEnd: r.plannedEnd, affectedCount: r.affectedCount ?? 0, settledCount: r.settledCount ?? 0 };
    const list = result.get(key) ?? [];
    list.push({ slug: r.slug, name: r.name, itemNoun: r.itemNoun, state: r.state, itemsLost: r.itemsLost, itemsRestored: r.itemsRestored, position: r.position ?? 99, eta: estimateEta(r.state, phase, now) });
    result.set(key, list);
  }
  return result;
}

const lower = (c: CategoryNow) => c.name.toLowerCase();

/** "contacts, calendar and notes" */
export function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}


/** What comes back next in plan order, with its expected date when there is one. */
export function nextUp(categories: CategoryNow[]): { name: string; expected: string | null } | null {
  const next = categories.filter((c) => c.state !== "NOT_AFFECTED" && !isSettled(c.state)).sort((a, b) => a.position - b.position)[0];
  if (!next) return null;
  return { name: lower(next), expected: next.eta.kind === "date" ? utcWeekdayTime(next.eta.date) : null };
}

/** "photos, expected by Fri 27 Nov, 18:00 UTC" or "photos (no date yet)" */
export function describeNext(next: { name: string; expected: string | null }): string {
  return next.expected ? `${next.name}, expected by ${next.expected}` : `${next.name} (no date yet)`;
}

/** "is" for one singular category, "are" otherwise: "your calendar is back", "your contacts are back". */
export const verb = (names: string[]) => (names.length === 1 && !names[0]!.endsWith("s") ? "is" : "are");

/** One line for an affected person: where their data stands now. Null when nothing was affected. */
export function personalLine(categories: CategoryNow[]): string | null {
  const affected = categories.filter((c) => c.state !== "NOT_AFFECTED");
  if (affected.length === 0) return null;
  const back = affected.filter((c) => c.state === "RESTORED").map(lower);
  const partial = affected.filter((c) => c.state === "PARTIAL").map(lower);
  const gone = affected.filter((c) => c.state === "UNRECOVERABLE").map(lower);
  const pending = affected.filter((c) => !isSettled(c.state));
  const parts: string[] = [];
  if (back.length) parts.push(`your ${listNames(back)} ${verb(back)} back`);
  if (partial.length) parts.push(`your ${listNames(partial)} ${verb(partial)} partly back`);
  if (gone.length) parts.push(`your ${listNames(gone)} could not be recovered`);
  const next = nextUp(affected);
  if (next) parts.push(pending.length === 1 ? `next and last: ${describeNext(next)}` : `${pending.length} categories still to come, next ${describeNext(next)}`);
  return `For you: ${parts.join("; ")}.`;
}

/** "312 of 315 contacts back" for one category. */
export function progressBullet(c: CategoryNow): string {
  const counts = c.itemsLost > 0 ? ` — ${c.itemsRestored.toLocaleString("en-US")} of ${c.itemsLost.toLocaleString("en-US")} ${c.itemNoun} back` : "";
  const label: Record<RestorationState, string> = {
    NOT_AFFECTED: "not affected",
    AFFECTED: "being recovered",
    RECOVERED: "recovered, being checked",
    VALIDATED: "checked, waiting to be restored",
    RESTORING: "coming back now",
    RESTORED: "back",
    PARTIAL: "partly back",
    UNRECOVERABLE: "could not be recovered",
  };
  const eta = c.eta.kind === "date" ? ` (expected by ${utcWeekdayTime(c.eta.date)})` : "";
  return `${c.name}: ${label[c.state]}${counts}${isSettled(c.state) ? "" : eta}`;
}
