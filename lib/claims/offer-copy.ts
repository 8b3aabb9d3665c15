import type { ClaimStatus, OfferKind } from "@/lib/generated/prisma/enums";

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
