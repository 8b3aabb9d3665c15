import type { Jsonified } from "@/lib/http/json";
import type { Eta } from "./eta";

// Projections are honest to the day (or part of a day when it is close), never to the minute.
// Formatters are cached per zone: building an Intl.DateTimeFormat costs more than using one.
const formatters = new Map<string, { day: Intl.DateTimeFormat; parts: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone }),
      parts: new Intl.DateTimeFormat("en-US", { year: "numeric", month: "2-digit", day: "2-digit", hour: "numeric", hourCycle: "h23", timeZone }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

function calendarDay(date: Date, timeZone: string): { key: number; hour: number } {
  const parts = Object.fromEntries(formattersFor(timeZone).parts.formatToParts(date).map((p) => [p.type, p.value]));
  return { key: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)), hour: Number(parts.hour) };
}

const partOfDay = (hour: number) => (hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening");

/**
 * "Sun, Dec 13", or "tomorrow afternoon" / "this evening" when it is that close, in the reader's
 * time zone (the caller names the zone to the reader).
 */
export function dayWords(date: Date, timeZone: string, now: Date, { relative = true } = {}): string {
  const target = calendarDay(date, timeZone);
  const today = calendarDay(now, timeZone);
  const days = Math.round((target.key - today.key) / 86_400_000);
  // An email may be read days later, so it names the day even when it is close.
  if (!relative) return days <= 1 ? `${formattersFor(timeZone).day.format(date)}, ${partOfDay(target.hour)}` : formattersFor(timeZone).day.format(date);
  if (days <= 0) return `this ${partOfDay(target.hour)}`;
  if (days === 1) return `tomorrow ${partOfDay(target.hour)}`;
  return formattersFor(timeZone).day.format(date);
}

/** How a time zone is named to the reader: "your time" on a page in their browser, "UTC" in email. */
export type ZoneLabel = "your time" | "UTC";

/** "by Sun, Dec 13 (your time)" on a page; emails name the day and the zone: "by Sun, Dec 13 (UTC)". */
export const byDay = (date: Date, timeZone: string, zone: ZoneLabel, now: Date) => `by ${dayWords(date, timeZone, now, { relative: zone !== "UTC" })} (${zone})`;

/** One sentence for an ETA, the same words on every surface; only the zone differs. */
export function etaSentence(eta: Eta | Jsonified<Eta>, timeZone: string, zone: ZoneLabel, now: Date): string | null {
  if (eta.kind === "settled") return null;
  if (eta.kind === "unknown") return eta.reason;
  const when = byDay(new Date(eta.date), timeZone, zone, now);
  if (eta.basis === "plan") return `Expected back ${when}, following the plan${eta.late ? " (later than first planned)" : ""}.`;
  return `Expected back ${when}, based on progress so far${eta.late ? " (later than first planned)" : ""}.`;
}
