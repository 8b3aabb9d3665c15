import { pgPool } from "@/lib/db";
import type { ProjectionBasis, RestorationState } from "@/lib/generated/prisma/enums";
import { estimateEta, nextToComeBack, type Eta } from "@/lib/restoration/eta";
import { byDay } from "@/lib/restoration/eta-words";
import { isSettled } from "@/lib/restoration/transitions";

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
    position: number | null; projectionBasis: ProjectionBasis | null; projectedEnd: Date | null; projectedLate: boolean | null;
  }>(
    `SELECT r."incidentId", r."userId", c.slug, c.name, c."itemNoun", r.state, r."itemsLost", r."itemsRestored",
            p.position, p."projectionBasis", p."projectedEnd" AT TIME ZONE 'UTC' AS "projectedEnd", p."projectedLate"
     FROM unnest($1::int[], $2::text[]) AS k("incidentId", "userId")
     JOIN "RestorationRecord" r ON r."incidentId" = k."incidentId" AND r."userId" = k."userId"
     JOIN "DataCategory" c ON c.id = r."categoryId"
     LEFT JOIN "RestorationPhase" p ON p."incidentId" = r."incidentId" AND p."categoryId" = r."categoryId"
     ORDER BY COALESCE(p.position, 99), c.position`,
    [pairs.map((p) => p.incidentId), pairs.map((p) => p.userId)],
  );
  for (const r of rows) {
    const key = `${r.incidentId}:${r.userId}`;
    // The same stored projection and the same reading of it as "My recovery" (getMyRecovery).
    const phase = r.position === null ? null : { basis: r.projectionBasis, projectedEnd: r.projectedEnd, late: r.projectedLate ?? false };
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


/** "by Fri, Nov 27 (UTC)": the day of a projection as emails state it. */
export const emailDay = (date: Date, now: Date) => byDay(date, "UTC", "UTC", now);

/** What comes back next (see nextToComeBack), with its expected day when there is one. */
export function nextUp(categories: CategoryNow[], now = new Date()): { name: string; expected: string | null } | null {
  const next = nextToComeBack(categories);
  if (!next) return null;
  return { name: lower(next), expected: next.eta.kind === "date" ? emailDay(next.eta.date, now) : null };
}

/** "photos, expected by Fri, Nov 27 (UTC)" or "photos (no date yet)" */
export function describeNext(next: { name: string; expected: string | null }): string {
  return next.expected ? `${next.name}, expected ${next.expected}` : `${next.name} (no date yet)`;
}

/** "is" for one singular category, "are" otherwise: "your calendar is back", "your contacts are back". */
export const verb = (names: string[]) => (names.length === 1 && !names[0]!.endsWith("s") ? "is" : "are");

/** One line for an affected person: where their data stands now. Null when nothing was affected. */
export function personalLine(categories: CategoryNow[], now = new Date()): string | null {
  const affected = categories.filter((c) => c.state !== "NOT_AFFECTED");
  if (affected.length === 0) return null;
  const back = affected.filter((c) => c.state === "RESTORED").map(lower);
  const partial = affected.filter((c) => c.state === "PARTIAL").map(lower);
  const gone = affected.filter((c) => c.state === "UNRECOVERABLE").map(lower);
  const coming = affected.filter((c) => c.state === "RESTORING").map(lower);
  const waiting = affected.filter((c) => !isSettled(c.state) && c.state !== "RESTORING");
  const parts: string[] = [];
  if (back.length) parts.push(`your ${listNames(back)} ${verb(back)} back`);
  if (partial.length) parts.push(`your ${listNames(partial)} ${verb(partial)} partly back`);
  if (gone.length) parts.push(`your ${listNames(gone)} could not be recovered`);
  if (coming.length) parts.push(`your ${listNames(coming)} ${verb(coming)} coming back now`);
  const next = nextUp(affected, now);
  if (next) parts.push(waiting.length === 1 ? `next and last: ${describeNext(next)}` : `${waiting.length} categories still to come, next ${describeNext(next)}`);
  return `For you: ${parts.join("; ")}.`;
}

/** "312 of 315 contacts back" for one category. */
export function progressBullet(c: CategoryNow, now = new Date()): string {
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
  const eta = c.eta.kind === "date" ? ` (expected ${emailDay(c.eta.date, now)})` : "";
  return `${c.name}: ${label[c.state]}${counts}${isSettled(c.state) ? "" : eta}`;
}
