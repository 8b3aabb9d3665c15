import { describe, expect, it } from "vitest";
import { estimateEta, EXTRA_WORK_REASON, nextToComeBack, UNSCHEDULED_REASON } from "./eta";

const now = new Date("2026-11-21T12:00:00Z");
const day = 86_400_000;

describe("estimateEta", () => {
  it("has nothing to estimate for settled categories", () => {
    for (const state of ["RESTORED", "PARTIAL", "UNRECOVERABLE", "NOT_AFFECTED"] as const) {
      expect(estimateEta(state, { basis: "PLAN", projectedEnd: new Date(now.getTime() + day), late: false }, now)).toEqual({ kind: "settled" });
    }
  });

  it("reads the stored projection as it is", () => {
    const end = new Date(now.getTime() + 3 * day);
    expect(estimateEta("VALIDATED", { basis: "PLAN", projectedEnd: end, late: false }, now)).toEqual({ kind: "date", date: end, basis: "plan", late: false });
    expect(estimateEta("RESTORING", { basis: "PROGRESS", projectedEnd: end, late: true }, now)).toEqual({ kind: "date", date: end, basis: "progress", late: true });
  });

  it("never states a day in the past, even from a projection older than the clock", () => {
    const eta = estimateEta("AFFECTED", { basis: "PLAN", projectedEnd: new Date(now.getTime() - day), late: false }, now);
    expect(eta).toMatchObject({ kind: "date", date: now });
  });

  it("explains a missing date", () => {
    expect(estimateEta("AFFECTED", null, now)).toEqual({ kind: "unknown", reason: UNSCHEDULED_REASON });
    expect(estimateEta("AFFECTED", { basis: "NONE", projectedEnd: null, late: false }, now)).toEqual({ kind: "unknown", reason: UNSCHEDULED_REASON });
    expect(estimateEta("RECOVERED", { basis: "DONE", projectedEnd: now, late: false }, now)).toEqual({ kind: "unknown", reason: EXTRA_WORK_REASON });
  });
});

describe("nextToComeBack", () => {
  const eta = (days: number) => ({ kind: "date" as const, date: new Date(now.getTime() + days * day), basis: "plan" as const, late: false });
  it("skips what is coming back now and picks the earliest projected", () => {
    const categories = [
      { name: "calendar", state: "RESTORING" as const, position: 1, eta: eta(1) },
      { name: "notes", state: "VALIDATED" as const, position: 2, eta: eta(3) },
      { name: "tasks", state: "RECOVERED" as const, position: 3, eta: eta(2) },
      { name: "photos", state: "AFFECTED" as const, position: 4, eta: { kind: "unknown" as const, reason: "" } },
    ];
    expect(nextToComeBack(categories)?.name).toBe("tasks");
    expect(nextToComeBack(categories.slice(0, 1))).toBeNull();
  });
});
