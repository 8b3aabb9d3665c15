import type { PhaseState, RestorationState } from "@/lib/generated/prisma/enums";
import { isSettled } from "./transitions";

export interface PhaseProgress {
  state: PhaseState;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  affectedCount: number;
  settledCount: number;
}

export type Eta =
  | { kind: "settled" }
  | { kind: "date"; date: Date; basis: "plan" | "progress"; late: boolean }
  | { kind: "unknown"; reason: string };


const HOUR = 3_600_000;

/**
 * When a subscriber can expect a category back: the plan's window, corrected by how fast the
 * phase is actually going once it has started. Never a date in the past.
 */
export function estimateEta(state: RestorationState, phase: PhaseProgress | null, now: Date): Eta {
  if (state === "NOT_AFFECTED" || isSettled(state)) return { kind: "settled" };
  if (!phase || !phase.plannedEnd) return { kind: "unknown", reason: "This category is not scheduled yet. We will add a date as soon as the plan has one." };
  if (phase.state === "DONE") {
    return { kind: "unknown", reason: "Most accounts are back in this category; yours needs extra work. We will update this page as soon as we know more." };
  }

  const planEnd = phase.plannedEnd.getTime();
  const fraction = phase.affectedCount > 0 ? phase.settledCount / phase.affectedCount : 0;
  const started = phase.plannedStart?.getTime() ?? null;
  if (phase.state === "IN_PROGRESS" && started !== null && now.getTime() > started && fraction >= 0.02 && fraction < 1) {
    const projected = started + (now.getTime() - started) / fraction;
    return { kind: "date", date: new Date(Math.max(projected, now.getTime() + HOUR)), basis: "progress", late: projected > planEnd };
  }
  if (planEnd > now.getTime()) return { kind: "date", date: new Date(planEnd), basis: "plan", late: false };
  return { kind: "unknown", reason: "This is running later than planned. We will post a new date here as soon as we have one." };
}
