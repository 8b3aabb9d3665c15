import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { MyOffer } from "@/lib/claims/get-my-compensation";
import { automaticOfferNote } from "@/lib/claims/compensation-lines";
import { offerValue } from "@/lib/claims/offer-copy";

export function windowText(offer: Pick<MyOffer, "window" | "opensAt" | "closesAt">): string {
  if (offer.window === "NOT_OPEN") return `Opens ${formatDateTime(offer.opensAt)}`;
  if (offer.window === "CLOSED") return `Closed ${formatDateTime(offer.closesAt!)}`;
  return offer.closesAt ? `Open until ${formatDateTime(offer.closesAt)}` : "Open, no closing date";
}

function sentence(reasons: string[]): string {
  const text = reasons.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

function statusOf(offer: MyOffer): { tone: "ok" | "warn" | "bad" | "info" | "neutral"; label: string; note?: string } {
  if (offer.mode === "AUTOMATIC" && offer.grantedAt) {
    return { tone: "ok", label: "Applied", note: `${offerValue(offer) ?? offer.title}. ${automaticOfferNote(offer)}` };
  }
  if (!offer.eligibility.eligible) return { tone: "neutral", label: "Not eligible" };
  if (offer.mode === "AUTOMATIC") return { tone: "info", label: "Eligible", note: automaticOfferNote(offer) };
  if (offer.claimed) return { tone: "ok", label: "Claimed" };
  if (offer.window === "CLOSED") return { tone: "neutral", label: "Window closed", note: "The claim window has closed, so this can no longer be claimed." };
  if (offer.window === "NOT_OPEN") return { tone: "info", label: "Eligible", note: "You can claim this once the window opens." };
  return { tone: "ok", label: "Eligible", note: "Claim it with the form below." };
}

/** Every offer of one incident: what it is, whether this subscriber qualifies, and why. */
export function OfferList({ offers }: { offers: MyOffer[] }) {
  return (
    <ul className="space-y-3">
      {offers.map((offer) => {
        const status = statusOf(offer);
        return (
          <li key={offer.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold">{offer.title}</h3>
              <StatusPill tone={status.tone}>{status.label}</StatusPill>
            </div>
            <p className="muted mt-1 text-sm">{offer.description}</p>
            <p className="mt-2 text-sm">
              <span className="font-medium">{offer.eligibility.eligible ? "Why you qualify: " : "Why not: "}</span>
              {sentence(offer.eligibility.reasons)}
            </p>
            {status.note && <p className="mt-1 text-sm">{status.note}</p>}
            {offer.mode === "CLAIM" && <p className="muted mt-1 text-xs">{windowText(offer)}</p>}
          </li>
        );
      })}
    </ul>
  );
}
