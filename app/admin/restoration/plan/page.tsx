import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { ProgressBar } from "@/components/progress-bar";
import { StatusPill } from "@/components/status-pill";
import { INCIDENT_STATUS_TONE } from "@/components/tones";
import { currentUser } from "@/lib/auth/session";
import { toAppError } from "@/lib/errors";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { getRestorationPlan } from "@/lib/restoration/get-restoration-plan";
import { PHASE_STATE_COPY } from "@/lib/restoration/staff-copy";
import { toUtcDateTimeLocal } from "@/lib/restoration/utc-datetime";
import { MovePhaseButtons } from "./_components/move-phase-buttons";
import { PhaseForm } from "./_components/phase-form";
import { ProjectionLine } from "./_components/projection-line";

export const metadata: Metadata = { title: "Restoration plan" };

type Props = { searchParams: Promise<{ incident?: string | string[] }> };

export default async function RestorationPlanPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/restoration/plan");
  const { incident: slug } = await searchParams;
  const plan = await getRestorationPlan({ actor: user, input: { incident: typeof slug === "string" && slug ? slug : undefined } }).catch((error: unknown) => {
    if (toAppError(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { incident, phases } = plan;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Restoration plan</h1>
        <p className="muted">
          The order in which data categories are restored, and when. <strong className="font-semibold">All times are in UTC.</strong> A subscriber
          counts as settled once their data is back, partly back or could not be recovered.
        </p>
      </div>

      {plan.incidents.length > 1 && (
        <form method="get" className="card flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="incident" className="label">Incident</label>
            <select id="incident" name="incident" defaultValue={incident?.slug} className="input">
              {plan.incidents.map((i) => (
                <option key={i.id} value={i.slug}>{i.title} ({INCIDENT_STATUS_LABEL[i.status].toLowerCase()})</option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">Show plan</button>
        </form>
      )}

      {!incident ? (
        <div className="card"><p>There is no open incident, so there is no plan to edit.</p></div>
      ) : (
        <section aria-labelledby="plan-incident" className="space-y-4">
          <div className="flex flex-col items-start gap-2 sm:flex-row sm:items-center sm:justify-between">
            <h2 id="plan-incident" className="text-lg font-semibold">
              <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
            </h2>
            <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
          </div>
          {phases.length === 0 ? (
            <div className="card"><p>This incident has no restoration plan yet.</p></div>
          ) : (
            <ol className="space-y-4">
              {phases.map((phase, index) => {
                const copy = PHASE_STATE_COPY[phase.state];
                const headingId = `phase-${phase.id}`;
                return (
                  <li key={phase.id}>
                    <section aria-labelledby={headingId} className="card space-y-4">
                      <div className="flex items-start justify-between gap-3">
                        <div className="space-y-1">
                          <h3 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
                            <span aria-hidden="true" className="grid size-7 shrink-0 place-items-center rounded-full bg-slate-100 text-sm dark:bg-slate-800">{index + 1}</span>
                            <span><span className="sr-only">Phase {index + 1}: </span>{phase.category.name}</span>
                          </h3>
                          <StatusPill tone={copy.tone}>{copy.label}</StatusPill>
                        </div>
                        <MovePhaseButtons phaseId={phase.id} categoryName={phase.category.name} first={index === 0} last={index === phases.length - 1} />
                      </div>
                      <div className="space-y-1">
                        <p className="text-sm font-medium">
                          {phase.settledCount.toLocaleString("en-US")} of {phase.affectedCount.toLocaleString("en-US")} affected subscribers settled
                        </p>
                        <ProgressBar value={phase.settledCount} max={phase.affectedCount} label={`${phase.category.name}: subscribers settled`} tone={phase.state === "DONE" ? "ok" : "info"} />
                        <p className="muted text-xs">{phase.progressAt ? `Counted ${formatDateTime(phase.progressAt)}` : "Not counted yet"}</p>
                      </div>
                      <ProjectionLine phase={phase} />
                      <PhaseForm
                        phaseId={phase.id}
                        categoryName={phase.category.name}
                        plannedStart={toUtcDateTimeLocal(phase.plannedStart)}
                        plannedEnd={toUtcDateTimeLocal(phase.plannedEnd)}
                        state={phase.state}
                        parallelWithPrevious={phase.parallelWithPrevious}
                        first={index === 0}
                      />
                    </section>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
