import type { ComponentStatus } from "@/lib/generated/prisma/enums";
import type { DayHistory, DayStatus } from "./uptime";

// Spelled out by hand rather than with Intl: the server's and the browser's ICU data disagree on
// some short month names ("Sep"/"Sept"), which would break hydration of the day labels.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const DAY_STATUS_LABEL: Record<DayStatus, string> = {
  OPERATIONAL: "Operational",
  DEGRADED: "Degraded performance",
  PARTIAL_OUTAGE: "Partial outage",
  MAJOR_OUTAGE: "Major outage",
  MAINTENANCE: "Maintenance",
  NO_DATA: "No data",
};

/** "2026-11-12" → "12 Nov 2026". */
export function formatDay(date: string): string {
  const [year, month, day] = date.split("-");
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ""} ${year}`;
}

/** 130 → "2 h 10 min"; 45 → "45 min"; 0 → "under a minute". */
export function formatDuration(minutes: number): string {
  if (minutes <= 0) return "under a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A maintenance window in UTC: "02:00–03:30 UTC", with dates when it spans days. */
export function formatWindow(startIso: string, endIso: string): string {
  const [startDay, startTime] = [startIso.slice(0, 10), startIso.slice(11, 16)];
  const [endDay, endTime] = [endIso.slice(0, 10), endIso.slice(11, 16)];
  if (startDay === endDay) return `${startTime}–${endTime} UTC`;
  const short = (day: string) => formatDay(day).replace(/ \d{4}$/, "");
  return `${short(startDay)} ${startTime} – ${short(endDay)} ${endTime} UTC`;
}

/**
 * What an incident did to a service, or a day's worst status: "Degraded, data not yet restored"
 * when data still missing is what made it degraded (the service itself may have answered fine).
 */
export function effectLabel(status: ComponentStatus, dataPending: boolean): string {
  if (!dataPending || status === "OPERATIONAL" || status === "MAINTENANCE") return DAY_STATUS_LABEL[status];
  return status === "DEGRADED" ? "Degraded, data not yet restored" : `${DAY_STATUS_LABEL[status]}, data not yet restored`;
}

/** A day's status as its pill and label say it. */
export function dayStatusLabel(day: DayHistory): string {
  return day.status === "NO_DATA" ? DAY_STATUS_LABEL.NO_DATA : effectLabel(day.status, (day.dataMinutes ?? 0) > 0);
}

/** "12 Nov 2026: partial outage, 2 h 10 min": the worst status of the day and how long it lasted. */
export function dayAriaLabel(day: DayHistory): string {
  const date = formatDay(day.date);
  if (day.status === "NO_DATA") return `${date}: no data`;
  if (day.status === "OPERATIONAL") return `${date}: ${day.incidents.length ? "operational" : "no incidents"}`;
  return `${date}: ${dayStatusLabel(day).toLowerCase()}, ${formatDuration(day.minutes[day.status] ?? 0)}`;
}

/** "99.95%", keeping two decimals so small outages stay visible. */
export function formatUptime(percent: number | null): string {
  return percent === null ? "No data" : `${percent.toFixed(2)}%`;
}
