import type { ProjectionBasis, RestorationState } from "@/lib/generated/prisma/enums";
import { isSettled } from "./transitions";

/** The stored projection of one phase (lib/restoration/project-plan.ts), as every reader gets it. */
export interface PhaseProjectionView {
  basis: ProjectionBasis | null;
  projectedEnd: Date | null;
  late: boolean;
}

export type Eta =
  | { kind: "settled" }
  | { kind: "date"; date: Date; basis: "plan" | "progress"; late: boolean }
  | { kind: "unknown"; reason: string };

export const UNSCHEDULED_REASON = "This category is not scheduled yet. We will add a date as soon as the plan has one.";
export const EXTRA_WORK_REASON = "Most accounts are back in this category; yours needs extra work. We will update this page as soon as we know more.";

/**
 * When one subscriber can expect one category back: the stored projection of its phase, read as
 * is, so the page, the email and the API state the same date. The clock only guards a projection
 * older than the last minute of work: an open date is never in the past.
 */
export function estimateEta(state: RestorationState, phase: PhaseProjectionView | null, now: Date): Eta {
  if (state === "NOT_AFFECTED" || isSettled(state)) return { kind: "settled" };
  if (!phase || phase.basis === null || phase.basis === "NONE" || !phase.projectedEnd) return { kind: "unknown", reason: UNSCHEDULED_REASON };
  if (phase.basis === "DONE") return { kind: "unknown", reason: EXTRA_WORK_REASON };
  const date = new Date(Math.max(phase.projectedEnd.getTime(), now.getTime()));
  return { kind: "date", date, basis: phase.basis === "PROGRESS" ? "progress" : "plan", late: phase.late };
}

/**
 * What comes back next for this subscriber: the earliest projected category they still wait for
 * that is not already coming back. Undated categories come after dated ones, in plan order.
 */
export function nextToComeBack<T extends { state: RestorationState; eta: Eta; position: number }>(categories: readonly T[]): T | null {
  const waiting = categories.filter((c) => c.state !== "NOT_AFFECTED" && !isSettled(c.state) && c.state !== "RESTORING");
  const time = (c: T) => (c.eta.kind === "date" ? new Date(c.eta.date).getTime() : Infinity);
  return [...waiting].sort((a, b) => time(a) - time(b) || a.position - b.position)[0] ?? null;
}
