import Link from "next/link";
import { formatDate } from "@/components/format";
import { automaticOfferNote } from "@/lib/claims/compensation-lines";
import { CLAIM_STATUS_COPY } from "@/lib/claims/offer-copy";
import type { MyRecoveryJson } from "@/lib/restoration/my-recovery-api";

type IncidentCompensation = MyRecoveryJson["compensation"][number];
type Offer = IncidentCompensation["offers"][number];

/** Where this offer stands for this subscriber, in one sentence. */
function offerStatus(offer: Offer, claim: IncidentCompensation["claim"]): string {
  if (offer.mode === "AUTOMATIC" && (offer.granted || offer.eligibility.eligible)) return automaticOfferNote(offer, (d) => formatDate(d));
  if (offer.claimed && claim) return `Part of your claim ${claim.number}.`;
  if (!offer.eligibility.eligible) return "Not for your account:";
  if (offer.window === "NOT_OPEN") return `You can claim it from ${formatDate(new Date(offer.opensAt))}.`;
  if (offer.window === "CLOSED") return "The time to claim it has passed.";
  if (claim) return "Not part of your claim.";
  return "You can claim it.";
}

/** Why, in plain words: the categories that decide it. */
function why(offer: Offer): string {
  const reasons = offer.eligibility.reasons;
  if (!offer.eligibility.eligible) return `${reasons.join("; ")}.`;
  const because = reasons.length <= 2 ? reasons.join(" and ") : `${reasons[0]}, and ${reasons.length - 1} more of your categories were too`;
  return `Because ${because}.`;
}

/** Per incident on /me: every offer, where it stands for this subscriber and why, with the way to /claims. */
export function CompensationSummary({ incidents }: { incidents: MyRecoveryJson["compensation"] }) {
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="compensation" className="card space-y-4">
      <h2 id="compensation" className="text-lg font-semibold">Compensation</h2>
      {incidents.map(({ incident, offers, claim }) => (
        <div key={incident.id} className="space-y-2 text-sm">
          {incidents.length > 1 && <h3 className="font-medium">{incident.title}</h3>}
          {claim && (
            <p className="font-medium">
              Your claim {claim.number}: {CLAIM_STATUS_COPY[claim.status].label.toLowerCase()}.
            </p>
          )}
          <ul className="space-y-2">
            {offers.map((offer) => (
              <li key={offer.id} className={offer.eligibility.eligible ? "" : "muted"}>
                <span className="font-medium">{offer.title}</span>: {offerStatus(offer, claim)} <span className={offer.eligibility.eligible ? "muted" : ""}>{why(offer)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <Link href="/claims" className="btn-secondary w-full sm:w-auto">See your claims and offers</Link>
    </section>
  );
}
