import type { MaintenanceStatus } from "@/lib/generated/prisma/enums";

export type MaintenanceAction = "start" | "complete" | "cancel";

/** Every allowed change of a maintenance window's status, as data: the action, where it may start, where it ends. */
export const MAINTENANCE_TRANSITIONS: Readonly<Record<MaintenanceAction, { from: readonly MaintenanceStatus[]; to: MaintenanceStatus }>> = {
  start: { from: ["SCHEDULED"], to: "IN_PROGRESS" },
  complete: { from: ["IN_PROGRESS"], to: "COMPLETED" },
  cancel: { from: ["SCHEDULED", "IN_PROGRESS"], to: "CANCELLED" },
};

export const MAINTENANCE_ACTIONS = Object.keys(MAINTENANCE_TRANSITIONS) as MaintenanceAction[];

export const MAINTENANCE_STATUS_LABEL: Record<MaintenanceStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

const VERB: Record<MaintenanceAction, string> = { start: "started", complete: "completed", cancel: "cancelled" };

/** Editing and transitions stop once a window has ended one way or the other. */
export const isFinished = (status: MaintenanceStatus) => status === "COMPLETED" || status === "CANCELLED";

export type MaintenanceTransition = { ok: true; to: MaintenanceStatus } | { ok: false; reason: string };

/** The status `action` leads to from `from`, or why it is not allowed. */
export function applyMaintenanceTransition(from: MaintenanceStatus, action: MaintenanceAction): MaintenanceTransition {
  const rule = MAINTENANCE_TRANSITIONS[action];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  const allowed = rule.from.map((s) => MAINTENANCE_STATUS_LABEL[s].toLowerCase()).join(" or ");
  return { ok: false, reason: `Only ${allowed} maintenance can be ${VERB[action]}; this one is ${MAINTENANCE_STATUS_LABEL[from].toLowerCase()}.` };
}

/** The actions a window in `status` offers, in button order. */
export function allowedMaintenanceActions(status: MaintenanceStatus): MaintenanceAction[] {
  return MAINTENANCE_ACTIONS.filter((action) => MAINTENANCE_TRANSITIONS[action].from.includes(status));
}
