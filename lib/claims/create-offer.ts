import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { grantIfOpen } from "./grant-opened-offers";
import { OFFER_AUDIT_FIELDS, OfferFields } from "./offer-input";

export const CreateOfferInput = z.object({ incidentId: z.coerce.number().int().positive() });

/**
 * Adds a compensation offer to an incident; audited with what was created. An automatic offer that
 * is already open is granted to everyone eligible in the same transaction: "no action needed" holds
 * from the moment it is promised.
 */
export async function createOffer({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can configure compensation offers.");
  const { incidentId } = parseInput(CreateOfferInput, input);
  const data = parseInput(OfferFields, input);
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
    if (!incident) throw NotFound("That incident no longer exists. Reload the page.");
    const offer = await tx.compensationOffer.create({ data: { ...data, incidentId }, select: OFFER_AUDIT_FIELDS });
    await recordAudit(tx, actor, { action: "claims.offer.created", entityType: "CompensationOffer", entityId: offer.id, after: offer });
    await grantIfOpen(tx, actor, offer);
    return offer;
  }, { timeout: 60_000 });
}
