import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { COMPONENT_TONE, IMPACT_TONE, INCIDENT_STATUS_TONE } from "@/components/tones";
import { currentUser } from "@/lib/auth/session";
import { toAppError } from "@/lib/errors";
import { getStaffIncident } from "@/lib/incidents/get-staff-incident";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { listTemplates } from "@/lib/incidents/list-templates";
import { COMPONENT_LABEL } from "@/lib/incidents/overall-status";
import { getDeliveryCountsOf } from "@/lib/notifications/admin/get-delivery-counts";
import { EditIncidentForm } from "./_components/edit-incident-form";
import { PostmortemForm } from "./_components/postmortem-form";
import { PostUpdateForm } from "./_components/post-update-form";
import { Timeline } from "./_components/timeline";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ opened?: string }> };

export const metadata: Metadata = { title: "Incident" };

export default async function StaffIncidentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/admin/incidents/${encodeURIComponent(id)}`);
  const incident = await getStaffIncident({ actor: user, id }).catch((error: unknown) => {
    if (toAppError(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [groups, templates, { opened }, deliveries] = await Promise.all([
    listComponentGroups(),
    listTemplates(user),
    searchParams,
    getDeliveryCountsOf({ actor: user, input: { refs: incident.updates.map((u) => `incident-update:${u.id}`) } }),
  ]);
  const components = incident.components.map((c) => ({ componentId: c.componentId, status: c.status }));
  const resolved = incident.status === "RESOLVED";

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm"><Link href="/admin/incidents">← Incidents</Link></p>
        <div className="flex flex-wrap gap-2">
          <StatusPill tone={IMPACT_TONE[incident.impact]}>{IMPACT_LABEL[incident.impact]} impact</StatusPill>
          <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
        </div>
        <h1 className="page-title break-words">{incident.title}</h1>
        <p className="muted text-sm">
          Started {formatDateTime(incident.startedAt)}
          {incident.resolvedAt && <> · Resolved {formatDateTime(incident.resolvedAt)}</>}
          {" · "}
          <Link href={`/incidents/${incident.slug}`}>Public page</Link>
        </p>
        {opened === "1" && <p role="status" className="rounded-lg bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">Incident opened and published on the status page.</p>}
        <ul aria-label="Affected services" className="flex flex-wrap gap-2">
          {incident.components.map((c) => (
            <li key={c.componentId} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-800">
              {c.component.name} <StatusPill tone={COMPONENT_TONE[c.status]}>{COMPONENT_LABEL[c.status]}</StatusPill>
            </li>
          ))}
        </ul>
      </header>

      <section aria-labelledby="post-update" className="card space-y-4">
        <div className="space-y-1">
          <h2 id="post-update" className="text-lg font-semibold">Post an update</h2>
          <p className="muted text-sm">The incident’s status is always that of its latest update.</p>
        </div>
        <PostUpdateForm incidentId={incident.id} currentStatus={incident.status} components={components} groups={groups} templates={templates} />
      </section>

      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-semibold">Timeline ({incident.updates.length})</h2>
        <Timeline incident={incident} deliveries={deliveries} />
      </section>

      <section aria-labelledby="details" className="card space-y-4">
        <h2 id="details" className="text-lg font-semibold">Incident details</h2>
        <EditIncidentForm incidentId={incident.id} slug={incident.slug} title={incident.title} impact={incident.impact} components={components} groups={groups} />
      </section>

      <section aria-labelledby="postmortem" className="card space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="postmortem" className="text-lg font-semibold">Postmortem</h2>
          {incident.postmortemPublishedAt ? <StatusPill tone="ok">Published {formatDateTime(incident.postmortemPublishedAt)}</StatusPill> : <StatusPill tone="neutral">{incident.postmortemBody ? "Draft" : "Not written"}</StatusPill>}
        </div>
        <PostmortemForm incidentId={incident.id} body={incident.postmortemBody ?? ""} published={incident.postmortemPublishedAt !== null} resolved={resolved} />
      </section>
    </div>
  );
}
