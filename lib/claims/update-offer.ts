import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { grantIfOpen } from "./grant-opened-offers";
import { OFFER_AUDIT_FIELDS, OfferFields } from "./offer-input";

export const UpdateOfferInput = z.object({ offerId: z.coerce.number().int().positive() });

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Edits an offer; audited with before and after. Changing who qualifies or when the window runs
 * after people have claimed or been granted it is allowed (records change), but the answer says so.
 * An edit that leaves an automatic offer open (made automatic, opened now, or with a wider rule)
 * grants it to everyone newly eligible in the same transaction.
 */
export async function updateOffer({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can configure compensation offers.");
  const { offerId } = parseInput(UpdateOfferInput, input);
  const data = parseInput(OfferFields, input);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "CompensationOffer" WHERE id = ${offerId} FOR UPDATE`;
    if (!locked) throw NotFound("That offer no longer exists. Reload the page.");
    const before = await tx.compensationOffer.findUniqueOrThrow({ where: { id: offerId }, select: { ...OFFER_AUDIT_FIELDS, _count: { select: { claimItems: true, grants: true } } } });
    const { _count: counts, ...beforeFields } = before;
    const unchanged = (Object.keys(data) as (keyof typeof data)[]).every((key) => {
      const [a, b] = [beforeFields[key], data[key]];
      return a instanceof Date || b instanceof Date ? sameTime(a as Date | null, b as Date | null) : a === b;
    });
    if (unchanged) return { offer: beforeFields, warning: null };
    const after = await tx.compensationOffer.update({ where: { id: offerId }, data, select: OFFER_AUDIT_FIELDS });
    await recordAudit(tx, actor, { action: "claims.offer.updated", entityType: "CompensationOffer", entityId: offerId, before: beforeFields, after });

    const ruleOrWindowChanged =
      before.eligibility !== after.eligibility || !sameTime(before.opensAt, after.opensAt) || !sameTime(before.closesAt, after.closesAt);
    if (ruleOrWindowChanged || before.mode !== after.mode) await grantIfOpen(tx, actor, after);
    const taken = counts.claimItems + counts.grants;
    const warning =
      ruleOrWindowChanged && taken > 0
        ? `Saved. ${taken} ${taken === 1 ? "subscriber has" : "subscribers have"} already claimed or been granted this offer; they keep it under the old rule or window.`
        : null;
    return { offer: after, warning };
  }, { timeout: 60_000 });
}
