import Link from "next/link";
import { CLAIM_STATUS_COPY } from "@/lib/claims/offer-copy";
import type { MyRecoveryJson } from "@/lib/restoration/my-recovery-api";

/** One line per incident on /me: what this subscriber is owed, with the way to /claims. */
export function CompensationSummary({ incidents }: { incidents: MyRecoveryJson["compensation"] }) {
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="compensation" className="card space-y-3">
      <h2 id="compensation" className="text-lg font-semibold">Compensation</h2>
      <ul className="space-y-2">
        {incidents.map(({ incident, offers, claim, claimable }) => {
          const eligible = offers.filter((o) => o.eligibility.eligible);
          const applied = offers.filter((o) => o.granted);
          return (
            <li key={incident.id} className="text-sm">
              <span className="font-medium">{incident.title}: </span>
              {eligible.length === 0
                ? "no compensation applies to your account."
                : [
                    applied.length > 0 && `${applied.map((o) => o.title).join(", ")} applied, no action needed.`,
                    claim && `Your claim ${claim.number}: ${CLAIM_STATUS_COPY[claim.status].label.toLowerCase()}.`,
                    claimable.length > 0 && `You can claim ${claimable.length === 1 ? claimable[0]!.title : `${claimable.length} offers`}.`,
                    !claim && claimable.length === 0 && applied.length === 0 && `You are eligible for ${eligible.length === 1 ? eligible[0]!.title : `${eligible.length} offers`}.`,
                  ]
                    .filter(Boolean)
                    .join(" ")}
            </li>
          );
        })}
      </ul>
      <Link href="/claims" className="btn-secondary w-full sm:w-auto">See what you are owed and why</Link>
    </section>
  );
}
