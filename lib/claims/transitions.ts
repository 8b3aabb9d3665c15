import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { Conflict } from "@/lib/errors";

/** Where a claim may go next. DENIED and FULFILLED are final. */
export const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  SUBMITTED: ["APPROVED", "DENIED"],
  APPROVED: ["AWAITING_CODE", "FULFILLED"],
  AWAITING_CODE: ["FULFILLED"],
  DENIED: [],
  FULFILLED: [],
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return CLAIM_TRANSITIONS[from].includes(to);
}

const STATUS_WORDS: Record<ClaimStatus, string> = {
  SUBMITTED: "waiting for review",
  APPROVED: "approved",
  AWAITING_CODE: "approved and waiting for a gift-card code",
  DENIED: "denied",
  FULFILLED: "fulfilled",
};

/** Follows a path of steps from a status, refusing the first step the table does not allow. */
export function applyTransition(from: ClaimStatus, ...path: ClaimStatus[]): ClaimStatus {
  let current = from;
  for (const next of path) {
    if (!canTransition(current, next)) throw Conflict(`This claim is already ${STATUS_WORDS[current]}, so it cannot be ${STATUS_WORDS[next]} now. Reload the page.`);
    current = next;
  }
  return current;
}
