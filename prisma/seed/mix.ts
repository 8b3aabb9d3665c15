import type { RestorationState } from "../../lib/generated/prisma/enums";

/**
 * What each category looks like at this point of the plan (percent of subscribers per state):
 * contacts done, calendar in progress, notes validated, tasks recovered, photos and high scores waiting.
 */
export const STATE_MIX: Record<"contacts" | "calendar" | "notes" | "tasks" | "photos" | "high-scores", Record<RestorationState, number>> = {
  contacts: { NOT_AFFECTED: 4, AFFECTED: 0, RECOVERED: 0, VALIDATED: 0, RESTORING: 2, RESTORED: 80, PARTIAL: 10, UNRECOVERABLE: 4 },
  calendar: { NOT_AFFECTED: 6, AFFECTED: 2, RECOVERED: 4, VALIDATED: 20, RESTORING: 30, RESTORED: 34, PARTIAL: 2, UNRECOVERABLE: 2 },
  notes: { NOT_AFFECTED: 10, AFFECTED: 10, RECOVERED: 35, VALIDATED: 45, RESTORING: 0, RESTORED: 0, PARTIAL: 0, UNRECOVERABLE: 0 },
  tasks: { NOT_AFFECTED: 15, AFFECTED: 40, RECOVERED: 45, VALIDATED: 0, RESTORING: 0, RESTORED: 0, PARTIAL: 0, UNRECOVERABLE: 0 },
  photos: { NOT_AFFECTED: 8, AFFECTED: 70, RECOVERED: 16, VALIDATED: 0, RESTORING: 0, RESTORED: 0, PARTIAL: 0, UNRECOVERABLE: 6 },
  "high-scores": { NOT_AFFECTED: 30, AFFECTED: 50, RECOVERED: 5, VALIDATED: 0, RESTORING: 0, RESTORED: 0, PARTIAL: 0, UNRECOVERABLE: 15 },
};
