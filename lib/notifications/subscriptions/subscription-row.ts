import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { EmailSubscription } from "@/lib/generated/prisma/client";

export interface LockedSubscription {
  row: EmailSubscription | null;
  /** The address belongs to an account: restoration and claim news apply to it. */
  isAccount: boolean;
}

/**
 * The subscription of an address proven by a signed link, locked for the rest of the transaction,
 * and linked to the account of that address when the account has no row of its own. With
 * `create`, a missing row is made (already confirmed: the link was mailed to the address); an
 * account's new row keeps what it had without one, the incidents that affected it, not all.
 */
export async function lockSubscriptionRow(tx: Tx, email: string, { create }: { create: boolean }): Promise<LockedSubscription> {
  const account = await tx.user.findUnique({ where: { email }, select: { id: true, emailSubscription: { select: { id: true } } } });
  const linkable = account && !account.emailSubscription ? account.id : null;
  if (create) {
    await tx.$executeRaw`
      INSERT INTO "EmailSubscription" (id, email, "userId", "allIncidents", "confirmedAt", "updatedAt")
      VALUES (${randomUUID()}, ${email}, ${linkable}, ${!account}, now(), now())
      ON CONFLICT DO NOTHING`;
  }
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "EmailSubscription" WHERE email = ${email} FOR UPDATE`;
  if (!locked[0]) return { row: null, isAccount: Boolean(account) };
  let row = await tx.emailSubscription.findUniqueOrThrow({ where: { id: locked[0].id } });
  if (!row.userId && linkable) row = await tx.emailSubscription.update({ where: { id: row.id }, data: { userId: linkable } });
  return { row, isAccount: Boolean(account) };
}
