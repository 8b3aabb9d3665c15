import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { StatusPill, type Tone } from "@/components/status-pill";
import type { MaintenanceStatus } from "@/lib/generated/prisma/enums";
import type { MaintenanceRow } from "@/lib/maintenance/get-maintenance";
import { MAINTENANCE_STATUS_LABEL } from "@/lib/maintenance/transitions";
import { TransitionButtons } from "./transition-buttons";

export const MAINTENANCE_TONE: Record<MaintenanceStatus, Tone> = { SCHEDULED: "info", IN_PROGRESS: "warn", COMPLETED: "ok", CANCELLED: "neutral" };

/** A window in the staff list: when, which services, and the moves it allows now. */
export function MaintenanceCard({ maintenance, now }: { maintenance: MaintenanceRow; now: Date }) {
  const overdue = maintenance.status === "SCHEDULED" && maintenance.scheduledStart <= now;
  const overrun = maintenance.status === "IN_PROGRESS" && maintenance.scheduledEnd <= now;
  return (
    <section aria-label={maintenance.title} className="card space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="break-words font-semibold"><Link href={`/admin/maintenance/${maintenance.id}`}>{maintenance.title}</Link></h3>
        <StatusPill tone={MAINTENANCE_TONE[maintenance.status]}>{MAINTENANCE_STATUS_LABEL[maintenance.status]}</StatusPill>
      </div>
      <p className="muted text-sm">
        {formatDateTime(maintenance.scheduledStart)} – {formatDateTime(maintenance.scheduledEnd)} · {maintenance.components.map((c) => c.component.name).join(", ")}
      </p>
      {overdue && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">Its start time has passed. Start it when the work begins, or cancel it.</p>}
      {overrun && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">It is running past its planned end. Mark it completed when the work is done, or edit the end time.</p>}
      <TransitionButtons maintenanceId={maintenance.id} status={maintenance.status} title={maintenance.title} />
    </section>
  );
}
