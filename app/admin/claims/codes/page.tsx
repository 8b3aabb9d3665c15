import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { isAdmin } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { getCodePool } from "@/lib/claims/get-code-pool";
import { offerValue } from "@/lib/claims/offer-copy";
import { ImportCodesForm } from "./_components/import-codes-form";

export const metadata: Metadata = { title: "Gift-card codes" };

export default async function GiftCodesPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/claims/codes");
  // Codes are money: the page is for administrators, whatever the proxy lets through.
  if (!isAdmin(user.role)) redirect("/forbidden?for=admin");
  const pools = await getCodePool({ actor: user });
  const label = (p: (typeof pools)[number]) => {
    const amount = offerValue({ kind: "GIFT_CARD", months: null, valueCents: p.valueCents, currency: p.currency });
    return `${p.title}${amount ? ` (${amount})` : ""} — ${p.incidentTitle}`;
  };

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Gift-card codes</h1>
        <p className="muted">The pool each approved gift-card claim takes a code from. Codes are stored encrypted and shown here only by their last four characters; the full code is shown to the subscriber it goes to.</p>
      </div>

      <section aria-labelledby="import-title" className="card space-y-4">
        <h2 id="import-title" className="text-lg font-semibold">Import codes</h2>
        {pools.length === 0 ? (
          <p>There is no gift-card offer yet. Add one on the Offers page first.</p>
        ) : (
          <ImportCodesForm offers={pools.map((p) => ({ id: p.offerId, label: label(p) }))} />
        )}
      </section>

      <section aria-labelledby="pools-title" className="space-y-3">
        <h2 id="pools-title" className="text-lg font-semibold">Pools</h2>
        {pools.map((p) => (
          <section key={p.offerId} aria-label={`Pool ${p.title}`} className="card space-y-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="break-words font-semibold">{label(p)}</h3>
              {p.awaiting > 0 && <StatusPill tone={p.available === 0 ? "bad" : "warn"}>{p.awaiting} awaiting a code</StatusPill>}
            </div>
            <dl className="grid grid-cols-3 gap-2 text-center">
              {[["Available", p.available], ["Assigned", p.assigned], ["Claims awaiting a code", p.awaiting]].map(([name, value]) => (
                <div key={name} className="rounded-lg bg-slate-50 p-2 dark:bg-slate-800">
                  <dt className="muted text-xs">{name}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{Number(value).toLocaleString("en-US")}</dd>
                </div>
              ))}
            </dl>
            {p.recent.length > 0 && (
              <details>
                <summary className="cursor-pointer text-sm">Latest codes imported</summary>
                <ul className="mt-2 space-y-1 text-sm">
                  {p.recent.map((c) => (
                    <li key={c.id} className="flex flex-wrap justify-between gap-2">
                      <span className="font-mono">…{c.last4}</span>
                      <span className="muted">{c.assigned ? "assigned" : "available"} · {formatDateTime(c.importedAt)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        ))}
      </section>
    </div>
  );
}
