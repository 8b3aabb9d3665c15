// The plan editor uses <input type="datetime-local">, which has no time zone. Staff enter and
// read plan times in UTC, so the value is interpreted as UTC on the server and never as the
// server's or the browser's local time.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-20T09:30" (UTC) → Date; null for anything that is not a real date and time. */
export function parseUtcDateTimeLocal(value: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second));
  // Date.UTC rolls 31 February over into March; a real calendar date must survive the round trip.
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute;
  return same ? date : null;
}

/** Date → the "YYYY-MM-DDTHH:mm" value of a datetime-local input, in UTC; "" for none. */
export function toUtcDateTimeLocal(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 16) : "";
}
