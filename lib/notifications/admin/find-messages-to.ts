import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";

/** The newest this many are shown; an address with more is a test account or a loop. */
export const MESSAGES_TO_SHOWN = 100;

export const MessagesToInput = z.object({
  to: z
    .string({ error: "Enter the email address to look up." })
    .trim()
    .toLowerCase()
    .min(1, "Enter the email address to look up.")
    .max(320, "That address is too long.")
    .pipe(z.email("Enter a whole email address, like name@example.com.")),
});

export interface MessageToAddress {
  id: string;
  status: OutboxStatus;
  template: string;
  eventRef: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

export interface MessagesTo {
  address: string;
  messages: MessageToAddress[];
  /** More messages exist than are shown. */
  more: boolean;
  /** Why nothing is sent to this address, when that is so. */
  suppression: { reason: string; createdAt: Date } | null;
}

/**
 * "Did I get the email?": every message to one address, whatever became of it, newest first.
 * The address matches exactly, ignoring case (a staff member types what the caller says).
 */
export async function findMessagesTo({ actor, input }: { actor: Actor; input: unknown }): Promise<MessagesTo> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see email delivery.");
  const { to } = parseInput(MessagesToInput, input);
  const [rows, suppression] = await Promise.all([
    db.$queryRaw<(Omit<MessageToAddress, "id"> & { id: bigint })[]>`
      SELECT id, status, template, "eventRef", attempts, "lastError", "createdAt", "sentAt", "nextAttemptAt"
      FROM "EmailOutbox" WHERE lower("toEmail") = ${to}
      ORDER BY id DESC LIMIT ${MESSAGES_TO_SHOWN + 1}`,
    db.$queryRaw<{ reason: string; createdAt: Date }[]>`SELECT reason, "createdAt" FROM "EmailSuppression" WHERE lower(email) = ${to} LIMIT 1`,
  ]);
  return {
    address: to,
    messages: rows.slice(0, MESSAGES_TO_SHOWN).map((row) => ({ ...row, id: row.id.toString() })),
    more: rows.length > MESSAGES_TO_SHOWN,
    suppression: suppression[0] ?? null,
  };
}
