import { describe, expect, it } from "vitest";
import { dayAriaLabel, dayStatusLabel, effectLabel, formatDay, formatDuration, formatUptime, formatWindow } from "./uptime-labels";
import type { DayHistory } from "./uptime";

const day = (extra: Partial<DayHistory>): DayHistory => ({ date: "2026-11-12", status: "OPERATIONAL", minutes: {}, incidents: [], maintenances: [], ...extra });

describe("uptime labels", () => {
  it("names days without depending on the runtime's month names", () => {
    expect(formatDay("2026-11-12")).toBe("12 Nov 2026");
    expect(formatDay("2026-09-01")).toBe("1 Sep 2026");
  });

  it("says how long in hours and minutes", () => {
    expect(formatDuration(130)).toBe("2 h 10 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(1440)).toBe("24 h");
    expect(formatDuration(0)).toBe("under a minute");
  });

  it("shows a maintenance window in UTC, with dates only when it spans midnight", () => {
    expect(formatWindow("2026-11-12T02:00:00.000Z", "2026-11-12T03:30:00.000Z")).toBe("02:00–03:30 UTC");
    expect(formatWindow("2026-11-12T23:00:00.000Z", "2026-11-13T01:00:00.000Z")).toBe("12 Nov 23:00 – 13 Nov 01:00 UTC");
  });

  it("labels each day button with its worst status and how long it lasted", () => {
    expect(dayAriaLabel(day({ status: "PARTIAL_OUTAGE", minutes: { PARTIAL_OUTAGE: 130, DEGRADED: 20 } }))).toBe("12 Nov 2026: partial outage, 2 h 10 min");
    expect(dayAriaLabel(day({}))).toBe("12 Nov 2026: no incidents");
    expect(dayAriaLabel(day({ status: "NO_DATA" }))).toBe("12 Nov 2026: no data");
    expect(dayAriaLabel(day({ incidents: [{ slug: "a", title: "A", impact: "NONE", status: "OPERATIONAL", minutes: 5 }] }))).toBe("12 Nov 2026: operational");
  });

  it("says when missing data is what made a day degraded", () => {
    const dataDay = day({ status: "DEGRADED", minutes: { DEGRADED: 1440 }, dataMinutes: 1440 });
    expect(dayAriaLabel(dataDay)).toBe("12 Nov 2026: degraded, data not yet restored, 24 h");
    expect(dayStatusLabel(dataDay)).toBe("Degraded, data not yet restored");
    expect(dayStatusLabel(day({ status: "DEGRADED", minutes: { DEGRADED: 60 } }))).toBe("Degraded performance");
    expect(effectLabel("PARTIAL_OUTAGE", true)).toBe("Partial outage, data not yet restored");
    expect(effectLabel("DEGRADED", false)).toBe("Degraded performance");
  });

  it("prints uptime with two decimals", () => {
    expect(formatUptime(99.954)).toBe("99.95%");
    expect(formatUptime(100)).toBe("100.00%");
    expect(formatUptime(null)).toBe("No data");
  });
});
