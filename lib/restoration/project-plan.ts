import type { PhaseState, ProjectionBasis } from "@/lib/generated/prisma/enums";

/** One phase of the restoration plan as the projection sees it. */
export interface PlanPhase {
  id: number;
  position: number;
  state: PhaseState;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  parallelWithPrevious: boolean;
  startedAt: Date | null;
  completedAt: Date | null;
  affectedCount: number;
  settledCount: number;
}

export interface PhaseProjection {
  id: number;
  projectedStart: Date | null;
  projectedEnd: Date | null;
  basis: ProjectionBasis;
  /** Projected to finish later than the plan said. */
  late: boolean;
}

const HOUR = 3_600_000;
/** A running phase's rate is trusted once this share is settled and it has run this long. */
export const MIN_RATE_FRACTION = 0.02;
const MIN_RATE_ELAPSED = HOUR;
/** Work still open never ends sooner than this from now. */
const MIN_REMAINING = HOUR;

/** A phase is complete when staff say so or when every affected account in it is settled. */
export function isPhaseComplete(p: Pick<PlanPhase, "state" | "affectedCount" | "settledCount">): boolean {
  return p.state === "DONE" || (p.affectedCount > 0 && p.settledCount >= p.affectedCount);
}

/** Plan order: position, then id for ties left by old edits. */
export const inPlanOrder = <T extends { position: number; id: number }>(phases: readonly T[]): T[] =>
  [...phases].sort((a, b) => a.position - b.position || a.id - b.id);

/**
 * One projection of the whole plan. Phases run in plan order: a phase cannot be projected to
 * start before the phases ahead of it end, unless staff marked it as running in parallel with the
 * one before. A running phase ends at its observed rate; one with no rate yet keeps its planned
 * duration from its projected start; a late phase pushes every later one. A phase gets no date
 * only when the plan has none for it or for a phase it waits on. No open date is ever in the past.
 */
export function projectPlan(phases: readonly PlanPhase[], now: Date): PhaseProjection[] {
  const t = now.getTime();
  const ordered = inPlanOrder(phases);
  const result: PhaseProjection[] = [];

  // The current group is a run of phases joined by "parallel with previous": they share a floor
  // (the previous group's end) and the next group waits for the latest of them.
  let floor = -Infinity;
  let floorUnknown = false;
  let groupEnd = -Infinity;
  let groupUnknown = false;
  let previousPlannedEnd: number | null = null;

  ordered.forEach((phase, index) => {
    if (index === 0 || !phase.parallelWithPrevious) {
      if (index > 0) {
        floor = Math.max(floor, groupEnd);
        floorUnknown = floorUnknown || groupUnknown;
      }
      groupEnd = -Infinity;
      groupUnknown = false;
    }
    const plannedEnd = phase.plannedEnd?.getTime() ?? null;
    // A phase with only an end date starts where the plan's previous phase ended.
    const plannedStart = phase.plannedStart?.getTime() ?? previousPlannedEnd ?? plannedEnd;
    const duration = plannedStart !== null && plannedEnd !== null ? Math.max(0, plannedEnd - plannedStart) : null;
    previousPlannedEnd = plannedEnd ?? previousPlannedEnd;
    const lateAgainstPlan = (end: number) => plannedEnd !== null && end > plannedEnd + HOUR;

    let projection: PhaseProjection;
    if (isPhaseComplete(phase)) {
      const end = Math.min(t, phase.completedAt?.getTime() ?? t);
      const start = Math.min(end, phase.startedAt?.getTime() ?? plannedStart ?? end);
      projection = { id: phase.id, projectedStart: new Date(start), projectedEnd: new Date(end), basis: "DONE", late: lateAgainstPlan(end) };
      groupEnd = Math.max(groupEnd, end);
    } else if (phase.state === "IN_PROGRESS") {
      const started = Math.min(t, phase.startedAt?.getTime() ?? plannedStart ?? t);
      const fraction = phase.affectedCount > 0 ? phase.settledCount / phase.affectedCount : 0;
      let end: number | null = null;
      let basis: ProjectionBasis = "PROGRESS";
      if (fraction >= MIN_RATE_FRACTION && t - started >= MIN_RATE_ELAPSED) end = started + (t - started) / fraction;
      else if (duration !== null) {
        end = started + duration;
        basis = "PLAN";
      } else if (plannedEnd !== null) {
        end = plannedEnd;
        basis = "PLAN";
      }
      if (end === null || floorUnknown) {
        projection = { id: phase.id, projectedStart: new Date(started), projectedEnd: null, basis: "NONE", late: false };
        groupUnknown = true;
      } else {
        // Ends stay in plan order: it cannot finish before the phases it follows.
        end = Math.max(end, floor, t + MIN_REMAINING);
        projection = { id: phase.id, projectedStart: new Date(started), projectedEnd: new Date(end), basis, late: lateAgainstPlan(end) };
        groupEnd = Math.max(groupEnd, end);
      }
    } else if (floorUnknown || (duration === null && plannedEnd === null)) {
      projection = { id: phase.id, projectedStart: null, projectedEnd: null, basis: "NONE", late: false };
      groupUnknown = true;
    } else {
      const start = Math.max(plannedStart ?? -Infinity, floor, t);
      const end = Math.max(start + (duration ?? 0), t + MIN_REMAINING);
      projection = { id: phase.id, projectedStart: new Date(start), projectedEnd: new Date(end), basis: "PLAN", late: lateAgainstPlan(end) };
      groupEnd = Math.max(groupEnd, end);
    }
    result.push(projection);
  });
  return result;
}
