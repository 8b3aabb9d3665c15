import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { windowState } from "./offer-window";
import { OFFER_GRANTED } from "./grant-opened-offers";
import { applyEligibility } from "./reevaluate-eligibility";

const GrantInput = z.object({ offerId: z.coerce.number().int().positive() });

/**
 * Staff re-run an automatic ("no action needed") offer for every eligible subscriber; safe to run
 * again. The system already grants it on creation, on opening and on every record change.
 */
export async function grantAutomaticOffers({ actor, input }: { actor: Actor; input: unknown }): Promise<{ granted: number; notified: number }> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can grant offers.");
  const { offerId } = parseInput(GrantInput, input);
  const offer = await db.compensationOffer.findUnique({ where: { id: offerId }, select: { id: true, mode: true, opensAt: true, closesAt: true, title: true } });
  if (!offer) throw NotFound("That offer no longer exists. Reload the page.");
  if (offer.mode !== "AUTOMATIC") throw Invalid("Only automatic offers are granted this way; subscribers claim the others.");
  const window = windowState(offer, new Date());
  if (window !== "OPEN") throw Invalid(window === "NOT_OPEN" ? "This offer is not open yet, so nothing can be granted." : "This offer has closed, so nothing more is granted.");
  return db.$transaction(
    async (tx) => {
      const result = await applyEligibility(tx, { offerId });
      await recordAudit(tx, actor, { action: OFFER_GRANTED, entityType: "CompensationOffer", entityId: offerId, after: result });
      return result;
    },
    { timeout: 60_000 },
  );
}
