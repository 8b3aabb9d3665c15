import type { PhaseState, RestorationState, RestorationSource } from "@/lib/generated/prisma/enums";

export const PHASE_STATES: readonly PhaseState[] = ["NOT_STARTED", "IN_PROGRESS", "DONE"];

/** How a plan phase's state reads in the staff area. */
export const PHASE_STATE_COPY: Record<PhaseState, { label: string; tone: "ok" | "info" | "neutral" }> = {
  NOT_STARTED: { label: "Not started", tone: "neutral" },
  IN_PROGRESS: { label: "In progress", tone: "info" },
  DONE: { label: "Done", tone: "ok" },
};

/**
 * Staff-facing names of record states. They follow the codes that refusals and import error
 * reports use ("cannot go from AFFECTED to RESTORED"), where the subscriber copy does not.
 */
export const STATE_NAME: Record<RestorationState, string> = {
  NOT_AFFECTED: "Not affected",
  AFFECTED: "Affected",
  RECOVERED: "Recovered",
  VALIDATED: "Validated",
  RESTORING: "Restoring",
  RESTORED: "Restored",
  PARTIAL: "Partial",
  UNRECOVERABLE: "Unrecoverable",
};

/** Where a history entry came from, in words. */
export function describeSource(event: { source: RestorationSource; batchId: number | null; actor: { email: string } | null }): string {
  if (event.source === "IMPORT") return event.batchId === null ? "Import" : `Import batch #${event.batchId}`;
  if (event.source === "STAFF") return `Staff: ${event.actor?.email ?? "a former staff member"}`;
  return "System";
}
