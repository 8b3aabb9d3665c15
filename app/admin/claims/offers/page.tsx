import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { currentUser } from "@/lib/auth/session";
import { listOffers } from "@/lib/claims/list-offers";
import { ELIGIBILITY_LABEL, OFFER_KIND_LABEL, OFFER_MODE_LABEL, offerValue } from "@/lib/claims/offer-copy";
import { toAppError } from "@/lib/errors";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { toUtcDateTimeLocal } from "@/lib/restoration/utc-datetime";
import { OfferForm, type OfferFormValues } from "./_components/offer-form";

export const metadata: Metadata = { title: "Compensation offers" };

type Props = { searchParams: Promise<{ incident?: string | string[] }> };

const BLANK: OfferFormValues = {
  kind: "SERVICE_CREDIT", title: "", description: "", months: "1", value: "", eligibility: "ANY_AFFECTED",
  mode: "CLAIM", exclusiveGroup: "", opensAt: "", closesAt: "", autoApprove: false,
};

export default async function OffersPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/claims/offers");
  const { incident: slug } = await searchParams;
  const { incidents, incident, offers } = await listOffers({ actor: user, input: { incident: typeof slug === "string" && slug ? slug : undefined } }).catch((error: unknown) => {
    if (toAppError(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Compensation offers</h1>
        <p className="muted">What affected subscribers are offered for an incident, who qualifies and when they can claim. <strong className="font-semibold">All times are in UTC.</strong></p>
      </div>

      {incidents.length > 1 && (
        <form method="get" className="card flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="incident" className="label">Incident</label>
            <select id="incident" name="incident" defaultValue={incident?.slug} className="input">
              {incidents.map((i) => <option key={i.id} value={i.slug}>{i.title} ({INCIDENT_STATUS_LABEL[i.status].toLowerCase()})</option>)}
            </select>
          </div>
          <button type="submit" className="btn-secondary">Show offers</button>
        </form>
      )}

      {!incident ? (
        <div className="card"><p>There is no incident to attach offers to yet.</p></div>
      ) : (
        <>
          <section aria-labelledby="offers-heading" className="space-y-4">
            <h2 id="offers-heading" className="text-lg font-semibold">
              Offers for <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
            </h2>
            {offers.length === 0 ? (
              <div className="card"><p>This incident has no offers yet. Add the first one below.</p></div>
            ) : (
              <ul className="space-y-4">
                {offers.map((offer) => {
                  const amount = offerValue(offer);
                  const taken = offer._count.claimItems + offer._count.grants;
                  return (
                    <li key={offer.id} aria-label={`Offer ${offer.title}`} className="card space-y-3">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <h3 className="break-words text-lg font-semibold">{offer.title}</h3>
                        <StatusPill tone={offer.mode === "AUTOMATIC" ? "info" : "neutral"}>{offer.mode === "AUTOMATIC" ? "Automatic" : "Claim"}</StatusPill>
                      </div>
                      <p className="whitespace-pre-line break-words text-sm">{offer.description}</p>
                      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                        <dt className="muted">Gives</dt><dd>{amount ?? OFFER_KIND_LABEL[offer.kind]}</dd>
                        <dt className="muted">Eligible</dt><dd>{ELIGIBILITY_LABEL[offer.eligibility]}</dd>
                        <dt className="muted">Window</dt><dd>{formatDateTime(offer.opensAt)} – {offer.closesAt ? formatDateTime(offer.closesAt) : "no end date"}</dd>
                        <dt className="muted">Mode</dt><dd>{OFFER_MODE_LABEL[offer.mode]}{offer.autoApprove ? "; approved automatically when clean" : ""}</dd>
                        {offer.exclusiveGroup && <><dt className="muted">Exclusive group</dt><dd>{offer.exclusiveGroup}</dd></>}
                        <dt className="muted">Taken up</dt><dd>{offer._count.claimItems} claimed, {offer._count.grants} granted automatically</dd>
                      </dl>
                      <details className="group">
                        <summary className="btn-secondary inline-flex cursor-pointer list-none">Edit<span className="sr-only"> offer {offer.title}</span></summary>
                        <div className="mt-4">
                          <OfferForm
                            incidentId={incident.id}
                            offerId={offer.id}
                            takenCount={taken}
                            initial={{
                              kind: offer.kind, title: offer.title, description: offer.description, months: offer.months ? String(offer.months) : "1",
                              value: offer.valueCents !== null ? String(offer.valueCents / 100) : "", eligibility: offer.eligibility, mode: offer.mode,
                              exclusiveGroup: offer.exclusiveGroup ?? "", opensAt: toUtcDateTimeLocal(offer.opensAt), closesAt: toUtcDateTimeLocal(offer.closesAt),
                              autoApprove: offer.autoApprove,
                            }}
                          />
                        </div>
                      </details>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section aria-labelledby="new-offer" className="card space-y-4">
            <h2 id="new-offer" className="text-lg font-semibold">Add an offer</h2>
            <OfferForm incidentId={incident.id} initial={BLANK} />
          </section>
        </>
      )}
    </div>
  );
}
