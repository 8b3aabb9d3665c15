import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { currentUser } from "@/lib/auth/session";
import { toAppError } from "@/lib/errors";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { getMaintenance } from "@/lib/maintenance/get-maintenance";
import { isFinished } from "@/lib/maintenance/transitions";
import { toUtcDateTimeLocal } from "@/lib/restoration/utc-datetime";
import { MaintenanceCard } from "../_components/maintenance-card";
import { MaintenanceForm } from "../_components/maintenance-form";

export const metadata: Metadata = { title: "Maintenance" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ scheduled?: string }> };

export default async function MaintenanceDetailPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/admin/maintenance/${encodeURIComponent(id)}`);
  const maintenance = await getMaintenance({ actor: user, id }).catch((error: unknown) => {
    if (toAppError(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [groups, { scheduled }] = await Promise.all([listComponentGroups(), searchParams]);
  const finished = isFinished(maintenance.status);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/admin/maintenance">← Maintenance</Link></p>
        <h1 className="page-title break-words">{maintenance.title}</h1>
      </div>
      {scheduled === "1" && <p role="status" className="rounded-lg bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">Scheduled and announced on the status page.</p>}
      <MaintenanceCard maintenance={maintenance} now={new Date()} />
      {finished ? (
        <section aria-labelledby="text" className="card space-y-2">
          <h2 id="text" className="font-semibold">What was announced</h2>
          <Markdown>{maintenance.body}</Markdown>
        </section>
      ) : (
        <section aria-labelledby="edit" className="card space-y-4">
          <h2 id="edit" className="text-lg font-semibold">Edit</h2>
          <MaintenanceForm
            groups={groups}
            maintenance={{
              id: maintenance.id,
              title: maintenance.title,
              body: maintenance.body,
              componentIds: maintenance.components.map((c) => c.componentId),
              scheduledStart: toUtcDateTimeLocal(maintenance.scheduledStart),
              scheduledEnd: toUtcDateTimeLocal(maintenance.scheduledEnd),
            }}
          />
        </section>
      )}
    </div>
  );
}
