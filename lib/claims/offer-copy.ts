import type { ClaimStatus, EligibilityRule, OfferKind, OfferMode } from "@/lib/generated/prisma/enums";

// How offers and claims read on screen; subscribers get the reasons from the eligibility rules.

export const OFFER_KIND_LABEL: Record<OfferKind, string> = {
  SERVICE_CREDIT: "Service credit (free months)",
  GIFT_CARD: "Gift card",
  OTHER: "Other",
};

export const ELIGIBILITY_LABEL: Record<EligibilityRule, string> = {
  ANY_AFFECTED: "Any data category affected",
  ANY_UNRECOVERABLE_OR_PARTIAL: "Any data category unrecoverable or only partly restored",
};

export const OFFER_MODE_LABEL: Record<OfferMode, string> = {
  AUTOMATIC: "Automatic grant (no action needed)",
  CLAIM: "Claim (the subscriber asks)",
};

/** "$100 gift card", "1 month of service": what an offer is worth, in words. */
export function offerValue(offer: { kind: OfferKind; months: number | null; valueCents: number | null; currency: string }): string | null {
  if (offer.kind === "SERVICE_CREDIT" && offer.months) return `${offer.months} ${offer.months === 1 ? "month" : "months"} of service`;
  if (offer.kind === "GIFT_CARD" && offer.valueCents !== null) {
    const amount = new Intl.NumberFormat("en-US", { style: "currency", currency: offer.currency, maximumFractionDigits: offer.valueCents % 100 ? 2 : 0 }).format(offer.valueCents / 100);
    return `${amount} gift card`;
  }
  return null;
}

export const CLAIM_STATUS_COPY: Record<ClaimStatus, { label: string; tone: "ok" | "warn" | "bad" | "info" | "neutral" }> = {
  SUBMITTED: { label: "Submitted, waiting for review", tone: "info" },
  APPROVED: { label: "Approved", tone: "ok" },
  AWAITING_CODE: { label: "Approved, waiting for a gift-card code", tone: "warn" },
  DENIED: { label: "Denied", tone: "bad" },
  FULFILLED: { label: "Fulfilled", tone: "ok" },
};
