import { describe, expect, it } from "vitest";
import { estimateEta, type PhaseProgress } from "./eta";

const now = new Date("2026-11-21T12:00:00Z");
const day = 86_400_000;
const phase = (over: Partial<PhaseProgress> = {}): PhaseProgress => ({
  state: "NOT_STARTED",
  plannedStart: new Date(now.getTime() + day),
  plannedEnd: new Date(now.getTime() + 3 * day),
  affectedCount: 100,
  settledCount: 0,
  ...over,
});

describe("estimateEta", () => {
  it("has nothing to estimate for settled categories", () => {
    for (const state of ["RESTORED", "PARTIAL", "UNRECOVERABLE", "NOT_AFFECTED"] as const) expect(estimateEta(state, phase(), now)).toEqual({ kind: "settled" });
  });

  it("uses the plan before a phase starts", () => {
    expect(estimateEta("VALIDATED", phase(), now)).toEqual({ kind: "date", date: new Date(now.getTime() + 3 * day), basis: "plan", late: false });
  });

  it("projects from progress once a phase is under way", () => {
    const running = phase({ state: "IN_PROGRESS", plannedStart: new Date(now.getTime() - 2 * day), plannedEnd: new Date(now.getTime() + day), settledCount: 50 });
    // Half done after two days: done two days from now, a day later than planned.
    expect(estimateEta("RESTORING", running, now)).toEqual({ kind: "date", date: new Date(now.getTime() + 2 * day), basis: "progress", late: true });
  });

  it("never promises a date in the past", () => {
    const overdue = phase({ state: "NOT_STARTED", plannedStart: new Date(now.getTime() - 3 * day), plannedEnd: new Date(now.getTime() - day) });
    expect(estimateEta("AFFECTED", overdue, now).kind).toBe("unknown");
    const nearlyDone = phase({ state: "IN_PROGRESS", plannedStart: new Date(now.getTime() - day), settledCount: 99 });
    const eta = estimateEta("RESTORING", nearlyDone, now);
    expect(eta.kind === "date" && eta.date.getTime() >= now.getTime()).toBe(true);
  });

  it("explains when there is no plan or the phase is done without this account", () => {
    expect(estimateEta("AFFECTED", null, now)).toMatchObject({ kind: "unknown", reason: expect.stringContaining("not scheduled") });
    expect(estimateEta("RECOVERED", phase({ state: "DONE" }), now)).toMatchObject({ kind: "unknown", reason: expect.stringContaining("extra work") });
  });
});
