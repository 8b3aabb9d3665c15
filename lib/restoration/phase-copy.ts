import type { PhaseState } from "@/lib/generated/prisma/enums";

export const PHASE_STATES: readonly PhaseState[] = ["NOT_STARTED", "IN_PROGRESS", "DONE"];

/** How a plan phase's state reads in the staff area. */
export const PHASE_STATE_COPY: Record<PhaseState, { label: string; tone: "ok" | "info" | "neutral" }> = {
  NOT_STARTED: { label: "Not started", tone: "neutral" },
  IN_PROGRESS: { label: "In progress", tone: "info" },
  DONE: { label: "Done", tone: "ok" },
};
