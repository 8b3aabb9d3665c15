// Test data for the email desk: outbox rows and suppressions with addresses and event references
// of the test's own, so tests never share rows.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { OutboxStatus, Role } from "@/lib/generated/prisma/enums";

export async function makeDeskUser(role: Role): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@email-desk.test`, role } });
  return { id: user.id, email: user.email, role: user.role };
}

export const uniqueAddress = (label = "to") => `${label}-${randomUUID().slice(0, 12)}@email-desk.test`;

export async function insertMessage(row: { status: OutboxStatus; toEmail?: string; eventRef?: string | null; lastError?: string | null; attempts?: number; coalesceKey?: string | null; sentAt?: Date | null; nextAttemptAt?: Date }) {
  return db.emailOutbox.create({
    data: {
      dedupeKey: `desk-test:${randomUUID()}`,
      template: "subscription.confirm",
      toEmail: row.toEmail ?? uniqueAddress(),
      eventRef: row.eventRef ?? null,
      payload: {},
      status: row.status,
      attempts: row.attempts ?? (row.status === "DEAD" ? 8 : 0),
      lastError: row.lastError ?? null,
      coalesceKey: row.coalesceKey ?? null,
      sentAt: row.sentAt ?? null,
      nextAttemptAt: row.nextAttemptAt ?? new Date(),
    },
  });
}

export async function suppress(email: string, reason = "hard bounce: 550 mailbox unavailable") {
  await db.emailSuppression.create({ data: { email, reason } });
}
