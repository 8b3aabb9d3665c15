import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusPill } from "@/components/status-pill";
import { currentUser } from "@/lib/auth/session";
import { getMyCompensation } from "@/lib/claims/get-my-compensation";
import { CLAIM_STATUS_COPY } from "@/lib/claims/offer-copy";
import { getMyRecovery } from "@/lib/restoration/get-my-recovery";
import { ClaimForm } from "./_components/claim-form";
import { OfferList, windowText } from "./_components/offer-list";
import { RecoverySummary } from "./_components/recovery-summary";

export const metadata: Metadata = { title: "My compensation" };

export default async function ClaimsPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/claims");
  const [incidents, recovery] = await Promise.all([getMyCompensation(user), getMyRecovery(user)]);

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/me">← My recovery</Link></p>
        <h1 className="page-title">My compensation</h1>
        <p className="muted">What you are owed for the incidents that affected your data, and why.</p>
      </div>

      {incidents.length === 0 && (
        <div className="card"><p>There is no compensation on offer for your account. If your data was affected and you think this is wrong, contact support.</p></div>
      )}

      {incidents.map(({ incident, offers, claim, claimable, extraCompensation }) => (
        <section key={incident.id} aria-labelledby={`comp-${incident.id}`} className="card space-y-5">
          <h2 id={`comp-${incident.id}`} className="text-lg font-semibold">
            <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
          </h2>
          {extraCompensation && <p className="font-medium">Some of your data could not be recovered. {extraCompensation.text}</p>}
          <OfferList offers={offers} />
          {recovery.find((r) => r.incident.id === incident.id) && <RecoverySummary recovery={recovery.find((r) => r.incident.id === incident.id)!} />}
          {claim ? (
            <div className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-50 p-4 dark:bg-slate-800">
              <p>
                Your claim <Link href={`/claims/${claim.number}`} className="font-mono font-semibold">{claim.number}</Link>
              </p>
              <StatusPill tone={CLAIM_STATUS_COPY[claim.status].tone}>{CLAIM_STATUS_COPY[claim.status].label}</StatusPill>
            </div>
          ) : claimable.length > 0 ? (
            <ClaimForm
              incidentId={incident.id}
              idempotencyKey={randomUUID()}
              email={user.email}
              offers={claimable.map((o) => ({ id: o.id, title: o.title, kind: o.kind, exclusiveGroup: o.exclusiveGroup, closesText: windowText(o) }))}
            />
          ) : (
            offers.some((o) => o.mode === "CLAIM") && <p className="muted text-sm">There is nothing you can claim right now.</p>
          )}
        </section>
      ))}
    </div>
  );
}
