import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { INCIDENT_STATUS_TONE } from "@/components/tones";
import { currentUser } from "@/lib/auth/session";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { listTemplates } from "@/lib/incidents/list-templates";
import { DeleteTemplateButton } from "./_components/delete-template-button";
import { TemplateForm } from "./_components/template-form";

export const metadata: Metadata = { title: "Update templates" };

export default async function TemplatesPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/incidents/templates");
  const templates = await listTemplates(user);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/admin/incidents">← Incidents</Link></p>
        <h1 className="page-title">Update templates</h1>
        <p className="muted">Texts staff post often. Picking one in an update form fills in its status and text, ready to adjust.</p>
      </div>

      <section aria-labelledby="saved" className="space-y-3">
        <h2 id="saved" className="text-lg font-semibold">Templates ({templates.length})</h2>
        {templates.length === 0 && <p className="card muted">No templates yet. Create the first one below.</p>}
        <ul className="space-y-3">
          {templates.map((template) => (
            <li key={template.id}>
              <section aria-label={template.name} className="card space-y-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="break-words font-semibold">{template.name}</h3>
                  <StatusPill tone={INCIDENT_STATUS_TONE[template.status]}>{INCIDENT_STATUS_LABEL[template.status]}</StatusPill>
                </div>
                <p className="muted line-clamp-3 whitespace-pre-line break-words text-sm">{template.body}</p>
                <p className="muted text-xs">Last changed {formatDateTime(template.updatedAt)}</p>
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-semibold text-blue-700 dark:text-blue-300">Edit<span className="sr-only"> {template.name}</span></summary>
                  <div className="mt-2"><TemplateForm template={template} /></div>
                </details>
                <DeleteTemplateButton templateId={template.id} name={template.name} />
              </section>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-template" className="card space-y-4">
        <h2 id="new-template" className="text-lg font-semibold">New template</h2>
        <TemplateForm />
      </section>
    </div>
  );
}
