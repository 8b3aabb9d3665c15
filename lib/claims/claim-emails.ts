import type { OutboxMessageInput } from "@/lib/notifications/outbox/enqueue-message";
import type { ClaimEmailKind } from "@/lib/notifications/templates/claim-status";

export type { ClaimEmailKind };

/** The outbox job telling a claimant about one step of their claim: once per claim and step. */
export function claimEmail(kind: ClaimEmailKind, claim: { number: string; userId: string; email: string }, reason: string | null = null): OutboxMessageInput {
  return {
    dedupeKey: `claim:${claim.number}:${kind}`,
    template: "claim.status",
    toEmail: claim.email,
    userId: claim.userId,
    eventRef: `claim:${claim.number}`,
    payload: { kind, number: claim.number, ...(reason ? { reason } : {}) },
  };
}
