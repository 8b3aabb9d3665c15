import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listStaffIncidents } from "@/lib/incidents/list-staff-incidents";
import { IncidentRow } from "./_components/incident-row";

export const metadata: Metadata = { title: "Incidents" };

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function StaffIncidentsPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/incidents");
  const { active, resolved } = await listStaffIncidents({ actor: user, page: (await searchParams).page });
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h1 className="page-title">Incidents</h1>
          <p className="muted">What the public status page says. Times are in UTC.</p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Link href="/admin/incidents/templates" className="btn-secondary">Update templates</Link>
          <Link href="/admin/incidents/new" className="btn-primary">Open an incident</Link>
        </div>
      </div>

      <section aria-labelledby="active" className="space-y-3">
        <h2 id="active" className="text-lg font-semibold">Open ({active.length})</h2>
        {active.length === 0 ? (
          <p className="card muted">No open incidents. The status page says all is well unless maintenance is running.</p>
        ) : (
          <ul className="card divide-y divide-slate-200 p-0 sm:p-0 dark:divide-slate-800">
            {active.map((incident) => <IncidentRow key={incident.id} incident={incident} />)}
          </ul>
        )}
      </section>

      <section aria-labelledby="resolved" className="space-y-3">
        <h2 id="resolved" className="text-lg font-semibold">Resolved ({resolved.total})</h2>
        {resolved.items.length === 0 ? (
          <p className="card muted">No resolved incidents yet.</p>
        ) : (
          <ul className="card divide-y divide-slate-200 p-0 sm:p-0 dark:divide-slate-800">
            {resolved.items.map((incident) => <IncidentRow key={incident.id} incident={incident} />)}
          </ul>
        )}
        {resolved.pages > 1 && (
          <nav aria-label="Resolved incident pages" className="flex items-center justify-between text-sm">
            {resolved.page > 1 ? <Link href={`/admin/incidents?page=${resolved.page - 1}`}>← Newer</Link> : <span />}
            <span className="muted">Page {resolved.page} of {resolved.pages}</span>
            {resolved.page < resolved.pages ? <Link href={`/admin/incidents?page=${resolved.page + 1}`}>Older →</Link> : <span />}
          </nav>
        )}
      </section>
    </div>
  );
}
