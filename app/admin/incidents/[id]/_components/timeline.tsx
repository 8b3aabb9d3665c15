import { formatDateTime } from "@/components/format";
import { Markdown } from "@/components/markdown";
import { StatusPill } from "@/components/status-pill";
import { INCIDENT_STATUS_TONE } from "@/components/tones";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import type { StaffIncident } from "@/lib/incidents/get-staff-incident";
import { NO_DELIVERIES, type DeliveryCounts } from "@/lib/notifications/admin/get-delivery-counts";
import { EditUpdateForm } from "./edit-update-form";
import { EmailDelivery } from "./email-delivery";

const who = (person: { email: string; name: string | null } | null) => (person ? (person.name ? `${person.name} (${person.email})` : person.email) : "a former staff member");

/** The official updates, newest first, with who posted each and who last corrected it. */
export function Timeline({ incident, deliveries }: { incident: StaffIncident; deliveries: Map<string, DeliveryCounts> }) {
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5 dark:border-slate-800">
      {incident.updates.map((update) => (
        <li key={update.id} id={`update-${update.id}`} className="relative scroll-mt-4">
          <span aria-hidden="true" className="absolute -left-[27px] top-1.5 size-3 rounded-full border-2 border-white bg-blue-600 dark:border-slate-950 dark:bg-blue-400" />
          <article aria-label={`Update of ${formatDateTime(update.createdAt)}`} className="card space-y-3">
            <div className="space-y-1">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <StatusPill tone={INCIDENT_STATUS_TONE[update.status]}>{INCIDENT_STATUS_LABEL[update.status]}</StatusPill>
                <time className="muted" dateTime={update.createdAt.toISOString()}>{formatDateTime(update.createdAt)}</time>
              </p>
              <p className="muted break-words text-xs">
                Posted by {who(update.author)}
                {update.editedAt && <> · Edited {formatDateTime(update.editedAt)} by {who(update.editedBy)}</>}
              </p>
            </div>
            <div className="break-words"><Markdown>{update.body}</Markdown></div>
            <EmailDelivery eventRef={`incident-update:${update.id}`} initial={deliveries.get(`incident-update:${update.id}`) ?? NO_DELIVERIES} postedAt={update.createdAt.toISOString()} />
            <details className="group">
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-blue-700 dark:text-blue-300">Correct this update</summary>
              <div className="mt-2">
                <EditUpdateForm incidentId={incident.id} updateId={update.id} body={update.body} />
              </div>
            </details>
          </article>
        </li>
      ))}
    </ol>
  );
}
