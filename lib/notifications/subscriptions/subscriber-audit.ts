import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Audit entry for a change made through a signed email link: nobody is signed in, so the actor
 * is the address itself (and its account, when it has one).
 */
export async function recordSubscriberAudit(
  tx: Tx,
  who: { email: string; userId: string | null },
  entry: { action: string; subscriptionId: string; before?: unknown; after?: unknown; ip?: string | null },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: who.userId,
      actorEmail: who.email,
      action: entry.action,
      entityType: "EmailSubscription",
      entityId: entry.subscriptionId,
      before: plain(entry.before),
      after: plain(entry.after),
      ip: entry.ip ?? null,
    },
  });
}

function plain(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
