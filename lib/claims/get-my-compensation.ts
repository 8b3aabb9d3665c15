import type { Actor } from "@/lib/auth/actor";
import { pgPool, preparedName } from "@/lib/db";
import type { ClaimStatus, EligibilityRule, OfferKind, OfferMode, RestorationState } from "@/lib/generated/prisma/enums";
import { extraCompensationLine, type CompensationLine } from "./compensation-lines";
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
  /** When it was applied: the grant's own time. */
  grantedAt: Date | null;
  /** Part of this subscriber's claim. */
  claimed: boolean;
}

export interface MyIncidentCompensation {
  incident: { id: number; slug: string; title: string };
  offers: MyOffer[];
  claim: { number: string; status: ClaimStatus; createdAt: Date } | null;
  /** Claim-mode offers this subscriber may pick now: eligible and open, with no claim yet. */
  claimable: MyOffer[];
  /** What this subscriber can get for data lost in part or in full; null when no offer covers it. */
  extraCompensation: CompensationLine | null;
}

type OfferJson = Omit<MyOffer, "eligibilityRule" | "opensAt" | "closesAt" | "window" | "eligibility" | "claimed" | "granted" | "grantedAt"> & {
  eligibility: EligibilityRule;
  opensAt: string;
  closesAt: string | null;
  grantedAt: string | null;
};

interface IncidentRow {
  id: number;
  slug: string;
  title: string;
  offers: OfferJson[];
  records: { categoryName: string; state: RestorationState }[];
  claim: { number: string; status: ClaimStatus; createdAt: string; offerIds: number[] } | null;
}

// One statement for the whole answer — it is part of "My recovery", the busiest signed-in view.
const COMPENSATION = `
  SELECT i.id, i.slug, i.title,
    (SELECT json_agg(json_build_object(
        'id', o.id, 'kind', o.kind, 'mode', o.mode, 'title', o.title, 'description', o.description, 'months', o.months,
        'valueCents', o."valueCents", 'currency', o.currency, 'eligibility', o.eligibility, 'exclusiveGroup', o."exclusiveGroup",
        'opensAt', o."opensAt" AT TIME ZONE 'UTC', 'closesAt', o."closesAt" AT TIME ZONE 'UTC',
        'grantedAt', (SELECT g."createdAt" AT TIME ZONE 'UTC' FROM "OfferGrant" g WHERE g."offerId" = o.id AND g."userId" = $1))
      ORDER BY o.mode, o.id) FROM "CompensationOffer" o WHERE o."incidentId" = i.id) AS offers,
    (SELECT json_agg(json_build_object('categoryName', c.name, 'state', r.state) ORDER BY c.position)
       FROM "RestorationRecord" r JOIN "DataCategory" c ON c.id = r."categoryId" WHERE r."incidentId" = i.id AND r."userId" = $1) AS records,
    (SELECT json_build_object('number', cl.number, 'status', cl.status, 'createdAt', cl."createdAt" AT TIME ZONE 'UTC',
        'offerIds', (SELECT coalesce(json_agg(ci."offerId"), '[]') FROM "ClaimItem" ci WHERE ci."claimId" = cl.id))
       FROM "Claim" cl WHERE cl."incidentId" = i.id AND cl."userId" = $1) AS claim
  FROM "Incident" i
  WHERE EXISTS (SELECT 1 FROM "RestorationRecord" r WHERE r."incidentId" = i.id AND r."userId" = $1)
    AND EXISTS (SELECT 1 FROM "CompensationOffer" o WHERE o."incidentId" = i.id)
  ORDER BY i."startedAt" DESC, i.id DESC`;

/** Every offer on the incidents that touched this subscriber: eligible or not and why, and what they already have. */
export async function getMyCompensation(actor: Actor, now = new Date()): Promise<MyIncidentCompensation[]> {
  const { rows } = await pgPool().query<IncidentRow>({ name: preparedName("my-compensation"), text: COMPENSATION, values: [actor.id] });
  return rows.map((incident) => {
    const claimedIds = new Set(incident.claim?.offerIds ?? []);
    const offers: MyOffer[] = incident.offers.map(({ eligibility, grantedAt, ...o }) => {
      const window = { opensAt: new Date(o.opensAt), closesAt: o.closesAt ? new Date(o.closesAt) : null };
      return {
        ...o,
        ...window,
        granted: grantedAt !== null,
        grantedAt: grantedAt ? new Date(grantedAt) : null,
        eligibilityRule: eligibility,
        window: windowState(window, now),
        eligibility: evaluateEligibility(eligibility, incident.records ?? []),
        claimed: claimedIds.has(o.id),
      };
    });
    const states = (incident.records ?? []).map((r) => r.state);
    const lost = states.includes("UNRECOVERABLE") ? "UNRECOVERABLE" : states.includes("PARTIAL") ? "PARTIAL" : null;
    const claim = incident.claim && { number: incident.claim.number, status: incident.claim.status, createdAt: new Date(incident.claim.createdAt) };
    return {
      incident: { id: incident.id, slug: incident.slug, title: incident.title },
      offers,
      claim,
      claimable: claim ? [] : offers.filter((o) => o.mode === "CLAIM" && o.window === "OPEN" && o.eligibility.eligible),
      extraCompensation: lost ? extraCompensationLine(lost, offers, { claimFiled: claim !== null }) : null,
    };
  });
}
