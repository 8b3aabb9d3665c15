import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";

export interface DeliveryCounts {
  /** Waiting or being sent right now (QUEUED + SENDING). */
  queued: number;
  sent: number;
  /** Permanent failures and messages given up on after the retry limit (FAILED + DEAD). */
  failed: number;
  suppressed: number;
  total: number;
}

/** "incident-update:42", "claim:C-123", "offer:7", "maintenance:3". */
export const EventRef = z
  .string()
  .trim()
  .min(3)
  .max(120)
  .regex(/^[a-z][a-z-]*:[A-Za-z0-9_-]+$/, "Give an event reference such as incident-update:42.");

const OneInput = z.object({ ref: EventRef });
const ManyInput = z.object({ refs: z.array(EventRef).max(500) });

export const NO_DELIVERIES: DeliveryCounts = { queued: 0, sent: 0, failed: 0, suppressed: 0, total: 0 };

function tally(rows: { status: OutboxStatus; n: number }[]): DeliveryCounts {
  const counts = { ...NO_DELIVERIES };
  for (const { status, n } of rows) {
    if (status === "QUEUED" || status === "SENDING") counts.queued += n;
    else if (status === "SENT") counts.sent += n;
    else if (status === "FAILED" || status === "DEAD") counts.failed += n;
    else counts.suppressed += n;
    counts.total += n;
  }
  return counts;
}

async function countByRef(refs: string[]): Promise<Map<string, DeliveryCounts>> {
  if (refs.length === 0) return new Map();
  // One GROUP BY answered from the (eventRef, status) index, whatever the size of the outbox.
  const rows = await db.$queryRaw<{ eventRef: string; status: OutboxStatus; n: number }[]>`
    SELECT "eventRef", status, count(*)::int AS n FROM "EmailOutbox"
    WHERE "eventRef" = ANY(${refs}::text[]) GROUP BY "eventRef", status`;
  const grouped = new Map<string, { status: OutboxStatus; n: number }[]>();
  for (const row of rows) grouped.set(row.eventRef, [...(grouped.get(row.eventRef) ?? []), row]);
  return new Map(refs.map((ref) => [ref, tally(grouped.get(ref) ?? [])]));
}

/** Delivery of the emails one event caused (one incident update, one claim), for staff. */
export async function getDeliveryCounts({ actor, input }: { actor: Actor; input: unknown }): Promise<DeliveryCounts> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see email delivery.");
  const { ref } = parseInput(OneInput, input);
  return (await countByRef([ref])).get(ref) ?? { ...NO_DELIVERIES };
}

/** The same for several events at once (every update of an incident's timeline) in one query. */
export async function getDeliveryCountsOf({ actor, input }: { actor: Actor; input: unknown }): Promise<Map<string, DeliveryCounts>> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see email delivery.");
  const { refs } = parseInput(ManyInput, input);
  return countByRef([...new Set(refs)]);
}
