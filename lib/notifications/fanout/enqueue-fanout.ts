import type { Tx } from "@/lib/db";

/** "restoration-batch" rows are written by imports (enqueue-restoration-emails.ts). */
export type FanoutKind = "incident-update" | "maintenance";

/**
 * Records "tell everyone concerned about this" in the caller's transaction. The worker expands
 * it into one outbox row per recipient (expand-fanouts.ts), so a staff request never waits on a
 * million-row insert, and the message exists exactly when the change commits.
 */
export async function enqueueFanout(tx: Tx, kind: FanoutKind, subjectId: number, payload: Record<string, unknown> = {}): Promise<void> {
  await tx.emailFanout.create({ data: { kind, subjectId, payload: payload as object } });
}
