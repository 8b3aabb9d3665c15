import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { Markdown } from "@/components/markdown";
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
      </header>

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
