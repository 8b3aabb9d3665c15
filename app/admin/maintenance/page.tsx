import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listMaintenances } from "@/lib/maintenance/list-maintenances";
import { MaintenanceCard } from "./_components/maintenance-card";

export const metadata: Metadata = { title: "Maintenance" };

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function MaintenancePage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/maintenance");
  const { current, past } = await listMaintenances({ actor: user, page: (await searchParams).page });
  const now = new Date();
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h1 className="page-title">Maintenance</h1>
          <p className="muted">Planned work, announced on the status page. Starting a window shows its services as under maintenance until it is completed. Times are in UTC.</p>
        </div>
        <Link href="/admin/maintenance/new" className="btn-primary shrink-0">Schedule maintenance</Link>
      </div>

      <section aria-labelledby="current" className="space-y-3">
        <h2 id="current" className="text-lg font-semibold">Running and upcoming ({current.length})</h2>
        {current.length === 0 ? <p className="card muted">Nothing scheduled.</p> : current.map((m) => <MaintenanceCard key={m.id} maintenance={m} now={now} />)}
      </section>

      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className="text-lg font-semibold">Finished ({past.total})</h2>
        {past.items.length === 0 ? <p className="card muted">No finished maintenance yet.</p> : past.items.map((m) => <MaintenanceCard key={m.id} maintenance={m} now={now} />)}
        {past.pages > 1 && (
          <nav aria-label="Finished maintenance pages" className="flex items-center justify-between text-sm">
            {past.page > 1 ? <Link href={`/admin/maintenance?page=${past.page - 1}`}>← Newer</Link> : <span />}
            <span className="muted">Page {past.page} of {past.pages}</span>
            {past.page < past.pages ? <Link href={`/admin/maintenance?page=${past.page + 1}`}>Older →</Link> : <span />}
          </nav>
        )}
      </section>
    </div>
  );
}
