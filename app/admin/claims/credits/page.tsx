import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { currentUser } from "@/lib/auth/session";
import { listCreditExports } from "@/lib/claims/export-service-credits";

export const metadata: Metadata = { title: "Service-credit exports" };

export default async function CreditExportsPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/claims/credits");
  const { pending, exports } = await listCreditExports({ actor: user });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Service-credit exports</h1>
        <p className="muted">Free months granted or claimed, as a CSV for the billing system: account reference, email, months, claim number (or “automatic grant”) and offer.</p>
      </div>

      <section aria-labelledby="new-export" className="card space-y-3">
        <h2 id="new-export" className="text-lg font-semibold">New export</h2>
        <p>
          {pending === 0 ? "No credits are waiting: a new export would be empty." : `${pending.toLocaleString("en-US")} ${pending === 1 ? "credit is" : "credits are"} waiting to be exported.`}{" "}
          Exporting marks these rows as exported, so the next export will not include them again.
        </p>
        <form method="post" action="/admin/claims/credits/export">
          <button type="submit" className="btn-primary w-full sm:w-auto">Download new export</button>
        </form>
        <p className="muted text-xs">After downloading, reload this page to see the export listed.</p>
      </section>

      <section aria-labelledby="past-exports" className="space-y-3">
        <h2 id="past-exports" className="text-lg font-semibold">Past exports</h2>
        {exports.length === 0 ? (
          <p className="card muted">Nothing has been exported yet.</p>
        ) : (
          <ul className="space-y-2">
            {exports.map((e) => (
              <li key={e.ref} aria-label={`Export ${e.ref}`} className="card flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-mono font-semibold">{e.ref}</p>
                  <p className="muted text-sm">{formatDateTime(e.exportedAt)} · {e.rows.toLocaleString("en-US")} {e.rows === 1 ? "row" : "rows"}, {e.months.toLocaleString("en-US")} months in all</p>
                </div>
                <a href={`/admin/claims/credits/export?ref=${encodeURIComponent(e.ref)}`} className="btn-secondary" download>
                  Download again<span className="sr-only"> {e.ref}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
