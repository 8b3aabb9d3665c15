import type { RestorationState } from "@/lib/generated/prisma/enums";

/**
 * How each state reads to a subscriber: what it means, and what happens next. Compensation for what
 * was lost is not promised here: `extraCompensationLine` (lib/claims) names the offer when one exists.
 */
export const STATE_COPY: Record<RestorationState, { label: string; meaning: string; next: string; tone: "ok" | "warn" | "bad" | "info" | "neutral" }> = {
  NOT_AFFECTED: { label: "Not affected", meaning: "Nothing in this category was lost.", next: "Nothing to do.", tone: "neutral" },
  AFFECTED: { label: "Lost — recovery in progress", meaning: "This data was lost in the incident.", next: "We are recovering it from the damaged backup.", tone: "bad" },
  RECOVERED: { label: "Recovered, being checked", meaning: "We have recovered this data.", next: "It is being validated before anything goes back to your phone.", tone: "warn" },
  VALIDATED: { label: "Validated, waiting to restore", meaning: "The recovered data passed validation.", next: "It will be restored to your account in its turn in the plan.", tone: "info" },
  RESTORING: { label: "Coming back now", meaning: "Your data is being restored right now.", next: "Keep your phone on and connected; it syncs as it arrives.", tone: "info" },
  RESTORED: { label: "Back", meaning: "Everything we lost here is back.", next: "Nothing to do.", tone: "ok" },
  PARTIAL: { label: "Partly back", meaning: "Some items could not be recovered; everything we recovered is back.", next: "What could not be recovered will not come back.", tone: "warn" },
  UNRECOVERABLE: { label: "Could not be recovered", meaning: "We were unable to recover this data. We are sorry.", next: "Nothing more will come back in this category.", tone: "bad" },
};
