import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { currentUser } from "@/lib/auth/session";
import { listAutomaticOffers } from "@/lib/claims/list-automatic-offers";
import { getFraudSignals } from "@/lib/claims/fraud-signals";
import { listClaims } from "@/lib/claims/list-claims";
import { CLAIM_STATUS_COPY } from "@/lib/claims/offer-copy";
import { windowState } from "@/lib/claims/offer-window";
import { ClaimStatus } from "@/lib/generated/prisma/enums";
import { ClaimQueue } from "./_components/claim-queue";
import { GrantButton } from "./_components/grant-button";

export const metadata: Metadata = { title: "Claims" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function ClaimsQueuePage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/claims");
  const params = await searchParams;
  const input = { status: one(params.status), offerId: one(params.offer), flagged: one(params.flagged), q: one(params.q), page: one(params.page) };
  const [queue, automatic] = await Promise.all([listClaims({ actor: user, input, fraudSignals: getFraudSignals }), listAutomaticOffers(user)]);
  const { filters } = queue;
  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries({ ...input, page: String(page) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/admin/claims?${query.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Claims</h1>
        <p className="muted">Review compensation claims. Approving assigns a gift-card code at once; with the pool empty, the claim waits and is fulfilled when codes are imported.</p>
      </div>

      {/* min-w-0: a long offer title must not widen its column and push the others out of the card. */}
      <form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end" role="search" aria-label="Filter claims">
        <div className="min-w-0 sm:col-span-2 lg:col-span-3">
          <label htmlFor="q" className="label">Claim number, email or account reference</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} className="input" />
        </div>
        <div className="min-w-0">
          <label htmlFor="status" className="label">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className="input">
            <option value="">Any status</option>
            {Object.values(ClaimStatus).map((s) => <option key={s} value={s}>{CLAIM_STATUS_COPY[s].label}</option>)}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="offer" className="label">Offer</label>
          <select id="offer" name="offer" defaultValue={filters.offerId ? String(filters.offerId) : ""} className="input">
            <option value="">Any offer</option>
            {queue.offers.map((o) => <option key={o.id} value={o.id}>{o.title} ({o.incident.title})</option>)}
          </select>
        </div>
        {queue.signalsAvailable && (
          <div className="min-w-0">
            <label htmlFor="flagged" className="label">Fraud signals</label>
            <select id="flagged" name="flagged" defaultValue={filters.flagged ?? ""} className="input">
              <option value="">With or without</option>
              <option value="yes">With fraud signals</option>
              <option value="no">Without fraud signals</option>
            </select>
          </div>
        )}
        <button type="submit" className="btn-secondary sm:justify-self-start">Show claims</button>
      </form>

      <p aria-live="polite" className="text-sm font-medium">{queue.total.toLocaleString("en-US")} {queue.total === 1 ? "claim" : "claims"}</p>
      {queue.claims.length === 0 ? (
        <div className="card"><p>No claims match these filters.</p></div>
      ) : (
        <ClaimQueue
          claims={queue.claims.map((c) => ({
            id: c.id,
            number: c.number,
            status: c.status,
            createdAt: formatDateTime(c.createdAt),
            email: c.user.email,
            accountRef: c.user.accountRef,
            giftCardEmail: c.giftCardEmail,
            ip: c.ip,
            incident: c.incident.title,
            items: c.items.map((i) => ({ title: i.offer.title, last4: i.code?.last4 ?? null })),
            decisionReason: c.decisionReason,
            signals: c.signals,
          }))}
        />
      )}
      {queue.pages > 1 && (
        <nav aria-label="Claim pages" className="flex items-center justify-between gap-2">
          {filters.page > 1 ? <Link href={pageHref(filters.page - 1)} className="btn-secondary">Newer</Link> : <span />}
          <span className="muted text-sm">Page {filters.page} of {queue.pages}</span>
          {filters.page < queue.pages ? <Link href={pageHref(filters.page + 1)} className="btn-secondary">Older</Link> : <span />}
        </nav>
      )}

      {automatic.length > 0 && (
        <section aria-labelledby="automatic" className="card space-y-4">
          <h2 id="automatic" className="text-lg font-semibold">Automatic offers (no action needed by subscribers)</h2>
          <p className="muted text-sm">The system grants these to everyone eligible, once: when the offer is saved or opens, and whenever an import or a correction changes someone&rsquo;s records. Re-running a grant is safe and grants only what is missing.</p>
          <ul className="space-y-4">
            {automatic.map((offer) => (
              <li key={offer.id} className="space-y-2 border-t border-slate-200 pt-4 first:border-0 first:pt-0 dark:border-slate-700">
                <p className="font-medium">{offer.title} <span className="muted font-normal">· {offer.incident.title}</span></p>
                <p className="text-sm">{offer._count.grants.toLocaleString("en-US")} granted · {windowState(offer, new Date()) === "OPEN" ? "open" : windowState(offer, new Date()) === "NOT_OPEN" ? `opens ${formatDateTime(offer.opensAt)}` : "closed"}</p>
                <GrantButton offerId={offer.id} title={offer.title} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
