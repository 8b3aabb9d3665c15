import { db } from "@/lib/db";
import { enqueueMessage } from "@/lib/notifications/outbox/enqueue-message";
import { claimEmail } from "./claim-emails";
import { deliverClaimItems } from "./deliver-claim-items";
import { applyTransition } from "./transitions";

/**
 * Gives codes that arrived in the pool to the claims waiting for them, oldest first, one
 * transaction per claim. Waiting claims are taken with SKIP LOCKED, so two runs (two imports at
 * once) share the work instead of colliding; a code is never assigned twice (see deliverClaimItems).
 */
export async function fulfilAwaitingClaims({ offerId }: { offerId: number }): Promise<{ fulfilled: number }> {
  let fulfilled = 0;
  for (;;) {
    const step = await db.$transaction(async (tx) => {
      const [claim] = await tx.$queryRaw<{ id: number; number: string; email: string; userId: string }[]>`
        SELECT c.id, c.number, u.email, u.id AS "userId" FROM "Claim" c JOIN "User" u ON u.id = c."userId"
        WHERE c.status = 'AWAITING_CODE' AND EXISTS (
          SELECT 1 FROM "ClaimItem" i WHERE i."claimId" = c.id AND i."offerId" = ${offerId}
            AND NOT EXISTS (SELECT 1 FROM "GiftCardCode" g WHERE g."claimItemId" = i.id)
        )
        ORDER BY c."createdAt", c.id
        FOR UPDATE OF c SKIP LOCKED LIMIT 1`;
      if (!claim) return { done: true as const };
      const { complete, codesAssigned } = await deliverClaimItems(tx, claim.id);
      // The pool is empty again: stop, leaving this claim (and the rest) waiting in order.
      if (codesAssigned === 0) return { done: true as const };
      if (!complete) return { done: false as const, fulfilledClaim: null };
      applyTransition("AWAITING_CODE", "FULFILLED");
      await tx.claim.update({ where: { id: claim.id }, data: { status: "FULFILLED", fulfilledAt: new Date() } });
      await tx.auditLog.create({ data: { actorId: null, actorEmail: "system:code-pool", action: "claim.fulfilled", entityType: "Claim", entityId: String(claim.id), before: { status: "AWAITING_CODE" }, after: { status: "FULFILLED" } } });
      await enqueueMessage(tx, claimEmail("fulfilled", claim));
      return { done: false as const, fulfilledClaim: claim };
    });
    if (step.done) break;
    if (step.fulfilledClaim) fulfilled += 1;
  }
  return { fulfilled };
}
