import { describe, expect, it } from "vitest";
import { dataRestoredAt, type PlanSummary } from "./data-restored-at";

const startedAt = new Date("2026-11-09T10:30:00Z");
const plan = (extra: Partial<PlanSummary>): PlanSummary => ({ phases: 6, allDone: false, pending: true, lastChangeAt: new Date("2026-11-15T08:00:00Z"), ...extra });

describe("dataRestoredAt", () => {
  it("does not apply to an incident without a restoration plan", () => {
    expect(dataRestoredAt({ startedAt, resolvedAt: null }, plan({ phases: 0, lastChangeAt: null, pending: false }))).toBeUndefined();
  });

  it("is still missing while a phase is not done and subscribers are waiting, resolved or not", () => {
    expect(dataRestoredAt({ startedAt, resolvedAt: null }, plan({}))).toBeNull();
    expect(dataRestoredAt({ startedAt, resolvedAt: new Date("2026-11-12T00:00:00Z") }, plan({}))).toBeNull();
    expect(dataRestoredAt({ startedAt, resolvedAt: null }, plan({ pending: false }))).toBeNull();
  });

  it("is back when the last phase was marked done, even before the incident is resolved", () => {
    expect(dataRestoredAt({ startedAt, resolvedAt: null }, plan({ allDone: true }))).toEqual(new Date("2026-11-15T08:00:00Z"));
  });

  it("is back at the resolution of an incident with nobody left waiting in any phase", () => {
    const resolvedAt = new Date("2026-11-18T12:00:00Z");
    expect(dataRestoredAt({ startedAt, resolvedAt }, plan({ pending: false }))).toEqual(resolvedAt);
  });

  it("never ends before the incident started", () => {
    expect(dataRestoredAt({ startedAt, resolvedAt: null }, plan({ allDone: true, lastChangeAt: new Date("2026-11-01T00:00:00Z") }))).toEqual(startedAt);
  });
});
