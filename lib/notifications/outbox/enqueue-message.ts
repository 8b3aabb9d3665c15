import type { Tx } from "@/lib/db";

export interface OutboxMessageInput {
  /** (event, recipient): a second enqueue with the same key is ignored by the database. */
  dedupeKey: string;
  template: string;
  toEmail: string;
  userId?: string | null;
  /** What the message is about, for delivery counts ("incident-update:42", "claim:C-123"). */
  eventRef?: string | null;
  payload?: Record<string, unknown>;
  /** Send no earlier than this (coalescing windows); default now. */
  notBefore?: Date;
}

/**
 * Writes one email job in the caller's transaction, so it exists exactly when the change that
 * caused it commits. Returns false when this (event, recipient) was already queued.
 */
export async function enqueueMessage(tx: Tx, message: OutboxMessageInput): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "userId", "eventRef", payload, "nextAttemptAt")
    VALUES (${message.dedupeKey}, ${message.template}, ${message.toEmail.toLowerCase()}, ${message.userId ?? null}, ${message.eventRef ?? null},
            ${JSON.stringify(message.payload ?? {})}::jsonb, ${message.notBefore ?? new Date()})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return inserted > 0;
}

