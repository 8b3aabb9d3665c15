import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { MaintenanceForm } from "../_components/maintenance-form";

export const metadata: Metadata = { title: "Schedule maintenance" };

export default async function NewMaintenancePage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/maintenance/new");
  if (!isStaff(user.role)) redirect("/forbidden");
  const groups = await listComponentGroups();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/admin/maintenance">← Maintenance</Link></p>
        <h1 className="page-title">Schedule maintenance</h1>
        <p className="muted">It is announced on the status page at once. Services change status only when you start it.</p>
      </div>
      <div className="card"><MaintenanceForm groups={groups} /></div>
    </div>
  );
}
