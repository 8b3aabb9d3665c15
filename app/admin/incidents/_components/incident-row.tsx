import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { IMPACT_TONE, INCIDENT_STATUS_TONE } from "@/components/tones";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import type { StaffIncidentRow } from "@/lib/incidents/list-staff-incidents";

export function IncidentRow({ incident }: { incident: StaffIncidentRow }) {
  const last = incident.updates[0]?.createdAt;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 space-y-1">
        <Link href={`/admin/incidents/${incident.id}`} className="block break-words font-medium">{incident.title}</Link>
        <p className="muted text-xs">
          Started {formatDateTime(incident.startedAt)}
          {incident.resolvedAt ? ` · Resolved ${formatDateTime(incident.resolvedAt)}` : last ? ` · Last update ${formatDateTime(last)}` : ""}
          {` · ${incident._count.updates} update${incident._count.updates === 1 ? "" : "s"}`}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        <StatusPill tone={IMPACT_TONE[incident.impact]}>{IMPACT_LABEL[incident.impact]}</StatusPill>
        <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
      </div>
    </li>
  );
}
