import type { EligibilityRule, OfferKind, OfferMode } from "@/lib/generated/prisma/enums";

// How offers read on staff screens; subscribers get their own wording from the eligibility rules.

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

export function offerAmount(offer: { kind: OfferKind; months: number | null; valueCents: number | null; currency: string }): string | null {
  if (offer.kind === "SERVICE_CREDIT" && offer.months) return `${offer.months} month${offer.months === 1 ? "" : "s"} free`;
  if (offer.kind === "GIFT_CARD" && offer.valueCents !== null) {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: offer.currency }).format(offer.valueCents / 100);
  }
  return null;
}
