import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ClaimStatus, EligibilityRule, OfferKind, OfferMode } from "@/lib/generated/prisma/enums";
import { evaluateEligibility, type EligibilityResult } from "./eligibility";
import { windowState, type WindowState } from "./offer-window";

export interface MyOffer {
  id: number;
  kind: OfferKind;
  mode: OfferMode;
  title: string;
  description: string;
  months: number | null;
  valueCents: number | null;
  currency: string;
  eligibilityRule: EligibilityRule;
  exclusiveGroup: string | null;
  opensAt: Date;
  closesAt: Date | null;
  window: WindowState;
  eligibility: EligibilityResult;
  /** An automatic offer already applied to this subscriber. */
  granted: boolean;
  /** Part of this subscriber's claim. */
  claimed: boolean;
}

export interface MyIncidentCompensation {
  incident: { id: number; slug: string; title: string };
  offers: MyOffer[];
  claim: { number: string; status: ClaimStatus; createdAt: Date } | null;
  /** Claim-mode offers this subscriber may pick now: eligible and open, with no claim yet. */
  claimable: MyOffer[];
}

/** Every offer on the incidents that touched this subscriber: eligible or not and why, and what they already have. */
export async function getMyCompensation(actor: Actor, now = new Date()): Promise<MyIncidentCompensation[]> {
  const incidents = await db.incident.findMany({
    where: { restorationRecords: { some: { userId: actor.id } }, offers: { some: {} } },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      offers: { orderBy: [{ mode: "asc" }, { id: "asc" }], include: { grants: { where: { userId: actor.id }, select: { id: true } } } },
      restorationRecords: { where: { userId: actor.id }, select: { state: true, category: { select: { name: true, position: true } } } },
      claims: { where: { userId: actor.id }, select: { number: true, status: true, createdAt: true, items: { select: { offerId: true } } } },
    },
  });
  return incidents.map((incident) => {
    const records = [...incident.restorationRecords]
      .sort((a, b) => a.category.position - b.category.position)
      .map((r) => ({ categoryName: r.category.name, state: r.state }));
    const claim = incident.claims[0] ?? null;
    const claimedIds = new Set(claim?.items.map((i) => i.offerId) ?? []);
    const offers: MyOffer[] = incident.offers.map((o) => ({
      id: o.id,
      kind: o.kind,
      mode: o.mode,
      title: o.title,
      description: o.description,
      months: o.months,
      valueCents: o.valueCents,
      currency: o.currency,
      eligibilityRule: o.eligibility,
      exclusiveGroup: o.exclusiveGroup,
      opensAt: o.opensAt,
      closesAt: o.closesAt,
      window: windowState(o, now),
      eligibility: evaluateEligibility(o.eligibility, records),
      granted: o.grants.length > 0,
      claimed: claimedIds.has(o.id),
    }));
    return {
      incident: { id: incident.id, slug: incident.slug, title: incident.title },
      offers,
      claim: claim && { number: claim.number, status: claim.status, createdAt: claim.createdAt },
      claimable: claim ? [] : offers.filter((o) => o.mode === "CLAIM" && o.window === "OPEN" && o.eligibility.eligible),
    };
  });
}
