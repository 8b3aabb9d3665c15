import { describe, expect, it } from "vitest";
import { parseUtcDateTimeLocal, toUtcDateTimeLocal } from "./utc-datetime";

describe("UTC datetime-local values", () => {
  it("reads the input value as UTC, whatever the machine's zone", () => {
    expect(parseUtcDateTimeLocal("2026-11-20T09:30")?.toISOString()).toBe("2026-11-20T09:30:00.000Z");
    expect(parseUtcDateTimeLocal(" 2026-11-20T09:30:15 ")?.toISOString()).toBe("2026-11-20T09:30:15.000Z");
  });

  it("refuses values that are not a real date and time", () => {
    for (const value of ["", "2026-11-20", "2026-02-31T10:00", "2026-11-20T24:00", "20/11/2026 09:30", "2026-13-01T00:00"]) {
      expect(parseUtcDateTimeLocal(value), value).toBeNull();
    }
  });

  it("writes a Date back as the input value, round-tripping to the minute", () => {
    const date = new Date("2026-11-20T09:30:00Z");
    expect(toUtcDateTimeLocal(date)).toBe("2026-11-20T09:30");
    expect(parseUtcDateTimeLocal(toUtcDateTimeLocal(date))).toEqual(date);
    expect(toUtcDateTimeLocal(null)).toBe("");
  });
});
