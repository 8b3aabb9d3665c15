import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { ProgressChart } from "@/components/charts/progress-chart";
import { Markdown } from "@/components/markdown";
import { ProgressBar } from "@/components/progress-bar";
import { RestorationProgress } from "@/components/restoration-progress";
import { StatusPill } from "@/components/status-pill";
import { COMPONENT_TONE, IMPACT_TONE, INCIDENT_STATUS_TONE } from "@/components/tones";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { COMPONENT_LABEL } from "@/lib/incidents/overall-status";
import { readIncident } from "@/lib/public/public-reads";
import { QaBlock } from "./_components/qa-block";

// Cached per incident, rendered on first visit (none at build time); see app/page.tsx.
export const revalidate = 5;
export const generateStaticParams = async (): Promise<{ slug: string }[]> => [];

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const incident = await readIncident(slug);
  if (!incident) notFound();
  return incident;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const incident = await load((await params).slug);
  return { title: incident.title };
}

const STEPS: IncidentStatus[] = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"];

export default async function IncidentPage({ params }: Props) {
  const incident = await load((await params).slug);
  const reached = STEPS.indexOf(incident.status);
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <StatusPill tone={IMPACT_TONE[incident.impact]}>{IMPACT_LABEL[incident.impact]} impact</StatusPill>
          <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
        </div>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="page-title">{incident.title}</h1>
          <Link href={`/subscribe?services=${incident.components.map((c) => encodeURIComponent(c.component.slug)).join(",")}`} className="btn-secondary shrink-0">
            Get updates by email
          </Link>
        </div>
        <p className="muted text-sm">
          Started {formatDateTime(incident.startedAt)}
          {incident.resolvedAt && <> · Resolved {formatDateTime(incident.resolvedAt)}</>}
          {" · "}Page last updated {formatDateTime(incident.generatedAt)}
        </p>
        <ol aria-label="Incident progress" className="grid grid-cols-4 gap-1 text-center text-xs font-medium sm:text-sm">
          {STEPS.map((step, i) => (
            <li key={step} aria-current={i === reached ? "step" : undefined} className="space-y-1">
              <div className={`h-1.5 rounded-full ${i <= reached ? "bg-blue-600 dark:bg-blue-400" : "bg-slate-200 dark:bg-slate-800"}`} />
              <span className={i <= reached ? "" : "muted"}>{INCIDENT_STATUS_LABEL[step]}</span>
            </li>
          ))}
        </ol>
        {incident.restoration?.headline && (
          // The communication steps alone read as nearly over while data is still coming back.
          <div className="space-y-1.5 rounded-lg bg-blue-50 p-3 dark:bg-blue-950/40">
            <p className="text-sm font-medium" data-testid="restoration-headline">
              <a href="#restoration">{incident.restoration.headline}</a>
            </p>
            <ProgressBar
              value={incident.restoration.completeCount}
              max={incident.restoration.categories.length}
              label={`Data categories fully restored: ${incident.restoration.completeCount} of ${incident.restoration.categories.length}`}
              tone="info"
            />
          </div>
        )}
      </header>

      {incident.restoration && (
        <section id="restoration" aria-labelledby="restoration-heading" className="card scroll-mt-4 space-y-4">
          <div className="space-y-1">
            <h2 id="restoration-heading" className="text-lg font-semibold">Data restoration</h2>
            <p className="muted text-sm">
              Share of affected accounts in each state, per data category, in the order of the restoration plan.
              {incident.restoration.countedAt && <> Counted {formatDateTime(incident.restoration.countedAt)}.</>}
            </p>
          </div>
          <RestorationProgress restoration={incident.restoration} headline={false} />
          <div className="space-y-2">
            <h3 className="font-semibold">Progress over time</h3>
            <ProgressChart
              series={incident.restoration.history.map((point) => ({
                day: point.day,
                ...Object.fromEntries(incident.restoration!.categories.filter((c) => c.slug in point.back).map((c) => [c.name, Math.round(point.back[c.slug]! * 1000) / 10])),
              }))}
              names={incident.restoration.categories.filter((c) => c.shares).map((c) => c.name)}
              label="Share of affected accounts whose data is back, per category"
              empty="Nothing is back yet."
            />
          </div>
        </section>
      )}

      <section aria-labelledby="affected" className="card">
        <h2 id="affected" className="mb-3 font-semibold">Affected services</h2>
        <ul className="flex flex-wrap gap-2">
          {incident.components.map((c) => (
            <li key={c.component.slug} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-800">
              {c.component.name} <StatusPill tone={COMPONENT_TONE[c.status]}>{COMPONENT_LABEL[c.status]}</StatusPill>
            </li>
          ))}
        </ul>
      </section>

      {incident.faqEntries.length > 0 && (
        <section aria-labelledby="faq" className="space-y-3">
          <h2 id="faq" className="text-lg font-semibold">Frequently asked</h2>
          {incident.faqEntries.map((entry) => (
            <details key={entry.id} className="card">
              <summary className="cursor-pointer font-medium">{entry.question}</summary>
              <div className="mt-3 text-sm"><Markdown>{entry.answer}</Markdown></div>
            </details>
          ))}
        </section>
      )}

      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-semibold">Updates</h2>
        <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5 dark:border-slate-800">
          {incident.updates.map((update) => (
            <li key={update.id} id={`update-${update.id}`} className="relative scroll-mt-4">
              <span aria-hidden="true" className="absolute -left-[27px] top-1.5 size-3 rounded-full border-2 border-white bg-blue-600 dark:border-slate-950 dark:bg-blue-400" />
              <div className="card space-y-2">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <StatusPill tone={INCIDENT_STATUS_TONE[update.status]}>{INCIDENT_STATUS_LABEL[update.status]}</StatusPill>
                  <time className="muted" dateTime={update.createdAt.toISOString()}>{formatDateTime(update.createdAt)}</time>
                </p>
                <Markdown>{update.body}</Markdown>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section id="qa" aria-labelledby="qa-heading" className="scroll-mt-4">
        <QaBlock incidentSlug={incident.slug} />
      </section>

      {incident.postmortemPublishedAt && incident.postmortemBody && (
        <section aria-labelledby="postmortem" className="card space-y-3">
          <h2 id="postmortem" className="text-lg font-semibold">Postmortem</h2>
          <Markdown>{incident.postmortemBody}</Markdown>
        </section>
      )}
    </article>
  );
}
