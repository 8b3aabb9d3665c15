import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PhaseState, RestorationState } from "@/lib/generated/prisma/enums";
import { estimateEta, nextToComeBack } from "./eta";
import { inPlanOrder, isPhaseComplete, projectPlan, type PlanPhase, type PhaseProjection } from "./project-plan";
import { isSettled } from "./transitions";

const HOUR = 3_600_000;
const now = new Date("2026-12-06T15:00:00Z");

const phase = (id: number, over: Partial<PlanPhase> = {}): PlanPhase => ({
  id,
  position: id,
  state: "NOT_STARTED",
  plannedStart: null,
  plannedEnd: null,
  parallelWithPrevious: false,
  startedAt: null,
  completedAt: null,
  affectedCount: 100,
  settledCount: 0,
  ...over,
});
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const byId = (projection: PhaseProjection[]) => new Map(projection.map((p) => [p.id, p]));

describe("projectPlan", () => {
  it("pushes every later phase when a running phase is late", () => {
    // Calendar planned to end 2 days ago, 40% done after 4 days: it needs 6 more days.
    const plan = [
      phase(1, { state: "DONE", plannedStart: at(-8 * 24), plannedEnd: at(-6 * 24), startedAt: at(-8 * 24), completedAt: at(-6 * 24), settledCount: 100 }),
      phase(2, { state: "IN_PROGRESS", plannedStart: at(-4 * 24), plannedEnd: at(-2 * 24), startedAt: at(-4 * 24), settledCount: 40 }),
      phase(3, { plannedStart: at(-2 * 24), plannedEnd: at(0) }),
      phase(4, { plannedStart: at(0), plannedEnd: at(2 * 24) }),
    ];
    const p = byId(projectPlan(plan, now));
    expect(p.get(2)).toMatchObject({ basis: "PROGRESS", late: true, projectedEnd: at(6 * 24) });
    expect(p.get(3)).toMatchObject({ basis: "PLAN", late: true, projectedStart: at(6 * 24), projectedEnd: at(8 * 24) });
    expect(p.get(4)).toMatchObject({ projectedStart: at(8 * 24), projectedEnd: at(10 * 24) });
  });

  it("lets a phase marked parallel start with the one before it, and the next wait for both", () => {
    const plan = [
      phase(1, { plannedStart: at(24), plannedEnd: at(72) }),
      phase(2, { plannedStart: at(24), plannedEnd: at(48), parallelWithPrevious: true }),
      phase(3, { plannedStart: at(48), plannedEnd: at(96) }),
    ];
    const p = byId(projectPlan(plan, now));
    expect(p.get(2)!.projectedStart).toEqual(at(24));
    expect(p.get(3)!.projectedStart).toEqual(at(72));
  });

  it("keeps a planned duration from the projected start when a running phase has no rate yet", () => {
    const plan = [phase(1, { state: "IN_PROGRESS", plannedStart: at(-30 * 24), plannedEnd: at(-28 * 24), startedAt: at(-10), settledCount: 0 })];
    expect(projectPlan(plan, now)[0]).toMatchObject({ basis: "PLAN", projectedEnd: at(-10 + 48) });
  });

  it("gives no date only where the plan has none, and to what waits on it", () => {
    const plan = [phase(1, { plannedStart: at(1), plannedEnd: at(5) }), phase(2), phase(3, { plannedStart: at(10), plannedEnd: at(20) }), phase(4, { plannedStart: at(1), plannedEnd: at(2), parallelWithPrevious: true })];
    const p = byId(projectPlan(plan, now));
    expect(p.get(1)!.basis).toBe("PLAN");
    expect(p.get(2)!.basis).toBe("NONE");
    expect(p.get(3)!.basis).toBe("NONE");
    expect(p.get(4)!.basis).toBe("NONE");
  });

  it("treats a phase whose every affected account is settled as complete", () => {
    const plan = [phase(1, { state: "IN_PROGRESS", startedAt: at(-48), completedAt: at(-2), settledCount: 100, plannedStart: at(-48), plannedEnd: at(0) })];
    expect(projectPlan(plan, now)[0]).toMatchObject({ basis: "DONE", projectedEnd: at(-2) });
  });
});

// Random plans, phase states, progress and clocks.
const timeArb = fc.integer({ min: -40 * 24, max: 40 * 24 }).map((h) => at(h));
const phaseArb = (id: number) =>
  fc
    .record({
      state: fc.constantFrom<PhaseState>("NOT_STARTED", "IN_PROGRESS", "DONE"),
      plannedStart: fc.option(timeArb, { nil: null }),
      durationHours: fc.option(fc.integer({ min: 0, max: 20 * 24 }), { nil: null }),
      parallelWithPrevious: fc.boolean(),
      startedAt: fc.option(timeArb, { nil: null }),
      completedAt: fc.option(timeArb, { nil: null }),
      affectedCount: fc.integer({ min: 0, max: 1000 }),
      settledShare: fc.double({ min: 0, max: 1, noNaN: true }),
      position: fc.integer({ min: 0, max: 8 }),
    })
    .map((r): PlanPhase => ({
      id,
      position: r.position,
      state: r.state,
      plannedStart: r.plannedStart,
      plannedEnd: r.durationHours === null ? null : new Date((r.plannedStart ?? now).getTime() + r.durationHours * HOUR),
      parallelWithPrevious: r.parallelWithPrevious,
      startedAt: r.startedAt,
      completedAt: r.completedAt,
      affectedCount: r.affectedCount,
      settledCount: Math.floor(r.affectedCount * r.settledShare),
    }));
const planArb = fc.integer({ min: 1, max: 7 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => phaseArb(i + 1))));
const clockArb = fc.integer({ min: -20 * 24, max: 20 * 24 }).map((h) => at(h));

/** For each phase in plan order, the index of the group it belongs to (parallel phases share one). */
function groupsOf(ordered: PlanPhase[]): number[] {
  let group = 0;
  return ordered.map((p, i) => (i > 0 && !p.parallelWithPrevious ? ++group : group));
}

describe("projectPlan properties", () => {
  it("projects ends in plan order for sequential phases, and never before a phase that precedes it unless complete", () => {
    fc.assert(
      fc.property(planArb, clockArb, (plan, clock) => {
        const ordered = inPlanOrder(plan);
        const groups = groupsOf(ordered);
        const p = byId(projectPlan(plan, clock));
        ordered.forEach((later, j) => {
          const projLater = p.get(later.id)!;
          if (isPhaseComplete(later) || !projLater.projectedEnd) return;
          for (let i = 0; i < j; i++) {
            if (groups[i] === groups[j]) continue;
            const earlier = p.get(ordered[i]!.id)!;
            // Something it waits on has no date: then neither may it.
            expect(earlier.projectedEnd, `phase ${later.id} dated while ${ordered[i]!.id} is not`).not.toBeNull();
            expect(projLater.projectedEnd.getTime()).toBeGreaterThanOrEqual(earlier.projectedEnd!.getTime());
            if (later.state === "NOT_STARTED") expect(projLater.projectedStart!.getTime()).toBeGreaterThanOrEqual(earlier.projectedEnd!.getTime());
          }
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("never puts an open phase's dates in the past, and dates a phase whenever the plan allows", () => {
    fc.assert(
      fc.property(planArb, clockArb, (plan, clock) => {
        const projection = projectPlan(plan, clock);
        const ordered = inPlanOrder(plan);
        for (const proj of projection) {
          const source = plan.find((x) => x.id === proj.id)!;
          if (isPhaseComplete(source)) {
            expect(proj.basis).toBe("DONE");
            continue;
          }
          if (proj.projectedEnd) expect(proj.projectedEnd.getTime()).toBeGreaterThan(clock.getTime());
          if (source.state === "NOT_STARTED" && proj.projectedStart) expect(proj.projectedStart.getTime()).toBeGreaterThanOrEqual(clock.getTime());
        }
        // With a fully dated plan, every open phase has a date.
        if (ordered.every((x) => x.plannedEnd !== null)) for (const proj of projection) expect(proj.basis).not.toBe("NONE");
      }),
      { numRuns: 2000 },
    );
  });
});

const recordStates: RestorationState[] = ["NOT_AFFECTED", "AFFECTED", "RECOVERED", "VALIDATED", "RESTORING", "RESTORED", "PARTIAL", "UNRECOVERABLE"];

describe("a subscriber's categories, from the stored projection", () => {
  it("never names as next a category that is back or coming back, and no category is due before one ahead of it in the plan", () => {
    fc.assert(
      fc.property(planArb, clockArb, fc.array(fc.constantFrom(...recordStates), { minLength: 7, maxLength: 7 }), (plan, clock, states) => {
        const projection = byId(projectPlan(plan, clock));
        const ordered = inPlanOrder(plan);
        const groups = groupsOf(ordered);
        const categories = ordered.map((ph, i) => {
          const proj = projection.get(ph.id)!;
          const state = states[i]!;
          return { state, position: i, group: groups[i]!, eta: estimateEta(state, { basis: proj.basis, projectedEnd: proj.projectedEnd, late: proj.late }, clock) };
        });
        const next = nextToComeBack(categories);
        if (next) {
          expect(isSettled(next.state) || next.state === "RESTORING" || next.state === "NOT_AFFECTED").toBe(false);
          for (const c of categories) {
            if (c.state === "NOT_AFFECTED" || isSettled(c.state) || c.state === "RESTORING" || c.eta.kind !== "date") continue;
            expect(next.eta.kind).toBe("date");
            if (next.eta.kind === "date") expect(next.eta.date.getTime()).toBeLessThanOrEqual(c.eta.date.getTime());
          }
        }
        for (const c of categories) {
          if (c.eta.kind !== "date") continue;
          expect(c.eta.date.getTime()).toBeGreaterThanOrEqual(clock.getTime());
          for (const earlier of categories) {
            if (earlier.group >= c.group || earlier.eta.kind !== "date") continue;
            expect(c.eta.date.getTime()).toBeGreaterThanOrEqual(earlier.eta.date.getTime());
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
