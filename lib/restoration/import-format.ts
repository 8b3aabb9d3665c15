import type { RestorationState } from "@/lib/generated/prisma/enums";
import { checkCounts, RESTORATION_STATES } from "./transitions";

/** The columns of a restoration import, in the order the template uses. */
export const IMPORT_COLUMNS = ["subscriber_ref", "category", "state", "items_lost", "items_recovered", "items_restored", "as_of"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface ImportRow {
  ref: string;
  /** The validated as_of text, as sent: PostgreSQL reads it exactly. */
  asOfText: string;
  categoryId: number;
  state: RestorationState;
  itemsLost: number;
  itemsRecovered: number;
  itemsRestored: number;
  asOf: Date;
}

export type ParsedRow = { ok: true; row: ImportRow } | { ok: false; ref: string; category: string; error: string };

/** Maps header names to positions; throws a message naming what is missing or unexpected. */
export function readHeader(header: string[]): Record<ImportColumn, number> {
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => n && !(IMPORT_COLUMNS as readonly string[]).includes(n));
  const duplicated = names.filter((n, i) => n && names.indexOf(n) !== i);
  const problems = [
    missing.length ? `missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` : "",
    unknown.length ? `unexpected column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}` : "",
    duplicated.length ? `repeated column: ${duplicated.join(", ")}` : "",
  ].filter(Boolean);
  if (problems.length) throw new Error(`The header row is wrong (${problems.join("; ")}). Expected: ${IMPORT_COLUMNS.join(",")}`);
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<ImportColumn, number>;
}

const normalizeCategory = (v: string) => v.trim().toLowerCase().replace(/[\s_]+/g, "-");
const normalizeState = (v: string) => v.trim().toUpperCase().replace(/[\s-]+/g, "_");
const STATE_SET = new Set<string>(RESTORATION_STATES);
const STATE_LIST = RESTORATION_STATES.join(", ");

// A pipeline batch usually shares a handful of as_of values; parse each distinct one once.
const asOfCache = new Map<string, Date | string>();
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MAX_COUNT = 100_000_000;

/** Date rolls 2026-02-31 over to March; a source that sends it has a bug we should report. */
function isRealCalendarTime(text: string): boolean {
  const [y, m, d, hh, mm] = text.split(/[-T :]/i).map(Number) as [number, number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && hh < 24 && mm < 60;
}

/** A count, or why it is not one. Plain digits (nearly every value) are read without trim or regex. */
function count(value: string, name: string): number | string {
  if (value.length > 0 && value.length < 10) {
    let n = 0;
    for (let i = 0; i < value.length; i++) {
      const digit = value.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return countSlowly(value, name);
      n = n * 10 + digit;
    }
    return n > MAX_COUNT ? `${name} is implausibly large (${value})` : n;
  }
  return countSlowly(value, name);
}

function countSlowly(value: string, name: string): number | string {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return `${name} must be a whole number ≥ 0 (got "${trimmed.slice(0, 20)}")`;
  const n = Number(trimmed);
  return n > MAX_COUNT ? `${name} is implausibly large (${trimmed})` : n;
}

const fail = (ref: string, category: string, error: string): ParsedRow => ({ ok: false, ref: ref.slice(0, 100), category: category.slice(0, 50), error });

/**
 * Validates one data row. Everything a row can get wrong on its own is caught here, and a bad row
 * names all of its problems. It runs once per row of million-row files: the good path makes no
 * closures or arrays per row; only a bad row is read a second time, to collect every problem.
 */
export function parseRow(
  fields: string[],
  columns: Record<ImportColumn, number>,
  categories: ReadonlyMap<string, number>,
  now = Date.now(),
): ParsedRow {
  const ref = (fields[columns.subscriber_ref] ?? "").trim();
  const category = (fields[columns.category] ?? "").trim();
  if (fields.length !== IMPORT_COLUMNS.length) return fail(ref, category, `expected ${IMPORT_COLUMNS.length} fields, found ${fields.length}`);
  const bad = () => fail(ref, category, problemsOf(fields, columns, categories, now).join("; "));

  if (!ref || ref.length > 100) return bad();
  const categoryId = categories.get(category) ?? categories.get(normalizeCategory(category));
  if (categoryId === undefined) return bad();
  const rawState = fields[columns.state] ?? "";
  const state = (STATE_SET.has(rawState) ? rawState : normalizeState(rawState)) as RestorationState;
  if (!STATE_SET.has(state)) return bad();
  const itemsLost = count(fields[columns.items_lost] ?? "", "items_lost");
  const itemsRecovered = count(fields[columns.items_recovered] ?? "", "items_recovered");
  const itemsRestored = count(fields[columns.items_restored] ?? "", "items_restored");
  if (typeof itemsLost === "string" || typeof itemsRecovered === "string" || typeof itemsRestored === "string") return bad();
  if (!checkCounts(state, { itemsLost, itemsRecovered, itemsRestored }).ok) return bad();
  const asOfText = (fields[columns.as_of] ?? "").trim();
  const asOf = parseAsOf(asOfText, now);
  if (typeof asOf === "string") return bad();

  return { ok: true, row: { ref, categoryId, state, itemsLost, itemsRecovered, itemsRestored, asOf, asOfText } };
}

/**
 * Every problem of a row with the right number of fields, in column order (the count rules after
 * the counts, as they need the state and all three counts).
 */
function problemsOf(fields: string[], columns: Record<ImportColumn, number>, categories: ReadonlyMap<string, number>, now: number): string[] {
  const problems: string[] = [];
  const ref = (fields[columns.subscriber_ref] ?? "").trim();
  if (!ref) problems.push("subscriber_ref is empty");
  else if (ref.length > 100) problems.push("subscriber_ref is longer than 100 characters");
  const category = (fields[columns.category] ?? "").trim();
  if (!categories.has(category) && !categories.has(normalizeCategory(category))) {
    problems.push(`unknown category "${category.slice(0, 50)}" (expected one of ${[...categories.keys()].join(", ")})`);
  }
  const rawState = fields[columns.state] ?? "";
  const state = normalizeState(rawState) as RestorationState;
  const knownState = STATE_SET.has(state);
  if (!knownState) problems.push(`unknown state "${rawState.trim().slice(0, 30)}" (expected one of ${STATE_LIST})`);
  const counts = [count(fields[columns.items_lost] ?? "", "items_lost"), count(fields[columns.items_recovered] ?? "", "items_recovered"), count(fields[columns.items_restored] ?? "", "items_restored")];
  for (const c of counts) if (typeof c === "string") problems.push(c);
  const [itemsLost, itemsRecovered, itemsRestored] = counts;
  if (knownState && typeof itemsLost === "number" && typeof itemsRecovered === "number" && typeof itemsRestored === "number") {
    const consistent = checkCounts(state, { itemsLost, itemsRecovered, itemsRestored });
    if (!consistent.ok) problems.push(consistent.reason);
  }
  const asOf = parseAsOf((fields[columns.as_of] ?? "").trim(), now);
  if (typeof asOf === "string") problems.push(asOf);
  return problems;
}

function parseAsOf(text: string, now: number): Date | string {
  let parsed = asOfCache.get(text);
  if (parsed === undefined) {
    parsed = !ISO_WITH_ZONE.test(text)
      ? `as_of must be an ISO 8601 time with a zone, like 2026-11-20T14:30:00Z (got "${text.slice(0, 40)}")`
      : (() => {
          const date = new Date(text.replace(" ", "T"));
          return Number.isNaN(date.getTime()) || !isRealCalendarTime(text) ? `as_of is not a real date ("${text.slice(0, 40)}")` : date;
        })();
    if (asOfCache.size > 10_000) asOfCache.clear();
    asOfCache.set(text, parsed);
  }
  if (typeof parsed !== "string" && parsed.getTime() > now + 5 * 60_000) return "as_of is in the future";
  return parsed;
}
