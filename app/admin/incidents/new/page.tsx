import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { listTemplates } from "@/lib/incidents/list-templates";
import { NewIncidentForm } from "./_components/new-incident-form";

export const metadata: Metadata = { title: "Open an incident" };

export default async function NewIncidentPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/incidents/new");
  const [groups, templates] = await Promise.all([listComponentGroups(), listTemplates(user)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/admin/incidents">← Incidents</Link></p>
        <h1 className="page-title">Open an incident</h1>
        <p className="muted">Say what subscribers notice and what they should do. You can post further updates and correct details afterwards.</p>
      </div>
      <NewIncidentForm groups={groups} templates={templates} />
    </div>
  );
}
