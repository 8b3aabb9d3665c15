import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound, toAppError } from "@/lib/errors";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/parse-input";
import { enqueueMessage } from "@/lib/notifications/outbox/enqueue-message";
import { claimEmail, type ClaimEmailKind } from "./claim-emails";
import { deliverClaimItems } from "./deliver-claim-items";
import { applyTransition } from "./transitions";

export const DecideClaimsInput = z
  .object({
    claimIds: z.array(z.coerce.number().int().positive()).min(1, "Select at least one claim.").max(200, "Decide at most 200 claims at once."),
    decision: z.enum(["APPROVE", "DENY"], { error: "Choose approve or deny." }),
    reason: z.string().trim().max(500, "Keep the reason to 500 characters or fewer.").default(""),
  })
  .refine((v) => v.decision === "APPROVE" || v.reason.length >= 5, {
    message: "Write a reason of at least 5 characters: the subscriber sees it.",
    path: ["reason"],
  });

export interface Decided {
  claimId: number;
  number: string;
  status: ClaimStatus;
}

/** The approval or denial of one claim and the claimant's email, inside one transaction. */
export async function decideOneClaim(claimId: number, decision: "APPROVE" | "DENY", reason: string, decider: Actor | null): Promise<Decided & { email: string }> {
  return db.$transaction(async (tx) => {
    const [claim] = await tx.$queryRaw<{ id: number; number: string; status: ClaimStatus; email: string; userId: string }[]>`
      SELECT c.id, c.number, c.status::text AS status, u.email, u.id AS "userId" FROM "Claim" c JOIN "User" u ON u.id = c."userId"
      WHERE c.id = ${claimId} FOR UPDATE OF c`;
    if (!claim) throw NotFound("That claim no longer exists. Reload the page.");
    const now = new Date();
    let status: ClaimStatus;
    if (decision === "DENY") {
      status = applyTransition(claim.status, "DENIED");
    } else {
      applyTransition(claim.status, "APPROVED");
      const { complete } = await deliverClaimItems(tx, claim.id);
      status = applyTransition("APPROVED", complete ? "FULFILLED" : "AWAITING_CODE");
    }
    const after = await tx.claim.update({
      where: { id: claim.id },
      data: { status, decisionReason: reason || null, decidedById: decider?.id ?? null, decidedAt: now, fulfilledAt: status === "FULFILLED" ? now : null },
      select: { status: true, decisionReason: true, decidedAt: true, fulfilledAt: true },
    });
    const entry = { action: decision === "DENY" ? "claim.denied" : "claim.approved", entityType: "Claim", entityId: claim.id, before: { status: claim.status }, after };
    if (decider) await recordAudit(tx, decider, entry);
    else await tx.auditLog.create({ data: { actorId: null, actorEmail: "system:auto-approval", action: entry.action, entityType: entry.entityType, entityId: String(claim.id), before: entry.before, after: JSON.parse(JSON.stringify(after)) } });
    await enqueueMessage(tx, claimEmail(decisionEmailKind(status), claim, status === "DENIED" ? reason : null));
    return { claimId: claim.id, number: claim.number, status, email: claim.email };
  });
}

export function decisionEmailKind(status: ClaimStatus): ClaimEmailKind {
  return status === "DENIED" ? "denied" : status === "AWAITING_CODE" ? "awaiting-code" : status === "FULFILLED" ? "fulfilled" : "approved";
}

/**
 * Staff approve or deny claims, one or many. Each claim is decided in its own transaction, so one
 * claim decided meanwhile by a colleague does not undo the rest; those are reported back.
 */
export async function decideClaims({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can decide claims.");
  const data = parseInput(DecideClaimsInput, input);
  const decided: Decided[] = [];
  const refused: { claimId: number; message: string }[] = [];
  for (const claimId of [...new Set(data.claimIds)]) {
    try {
      const result = await decideOneClaim(claimId, data.decision, data.reason, actor);
      decided.push({ claimId: result.claimId, number: result.number, status: result.status });
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      refused.push({ claimId, message: known.message });
    }
  }
  return { decided, refused };
}
