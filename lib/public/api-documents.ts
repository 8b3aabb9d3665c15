import type { PublicIncident } from "@/lib/incidents/get-incident";
import type { StatusOverview } from "@/lib/incidents/get-status-overview";
import type { listIncidents } from "@/lib/incidents/list-incidents";
import { OVERALL_LABEL } from "@/lib/incidents/overall-status";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { PublicRestoration } from "@/lib/restoration/public-progress";

// The public JSON API's documents (docs/API.md). Enum values are lower-case words so that
// clients never depend on database naming; every document says when it was read.

const word = (value: string) => value.toLowerCase();
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Restoration as the incident page shows it: the same aggregates and projected days, no person's data. */
export function restorationDocument(r: PublicRestoration | null) {
  if (!r) return null;
  return {
    headline: r.headline,
    countedAt: iso(r.countedAt),
    categoriesComplete: r.completeCount,
    categories: r.categories.map((c) => ({
      slug: c.slug,
      name: c.name,
      complete: c.complete,
      completedAt: iso(c.completedAt),
      projectedEnd: iso(c.projectedEnd),
      projectionBasis: c.basis ? word(c.basis) : null,
      late: c.late,
      shares: c.shares,
    })),
    history: r.history,
  };
}

/** Staff-written markdown three ways: the source, plain text, and the sanitised HTML the page shows. */
function markdownFields(body: string) {
  const { html, text } = renderMarkdown(body);
  return { body, bodyText: text, bodyHtml: html };
}

export function statusDocument(status: StatusOverview, base: string) {
  const groups = [...status.groups.map((g) => ({ name: g.name as string | null, components: g.components })), { name: null, components: status.ungrouped }];
  return {
    generatedAt: iso(status.generatedAt),
    status: { indicator: word(status.overall), description: OVERALL_LABEL[status.overall] },
    components: groups.flatMap((group) =>
      group.components.map((c) => ({ slug: c.slug, name: c.name, group: group.name, status: word(c.status) })),
    ),
    activeIncidents: status.activeIncidents.map((incident) => ({
      slug: incident.slug,
      title: incident.title,
      impact: word(incident.impact),
      status: word(incident.status),
      startedAt: iso(incident.startedAt),
      url: `${base}/incidents/${incident.slug}`,
      components: incident.components.map((c) => c.component.name),
      restoration: incident.restoration ? { ...restorationDocument(incident.restoration), history: undefined } : null,
      latestUpdate: incident.updates[0]
        ? { status: word(incident.updates[0].status), ...markdownFields(incident.updates[0].body), createdAt: iso(incident.updates[0].createdAt) }
        : null,
    })),
    scheduledMaintenance: status.maintenances.map((m) => ({
      slug: m.slug,
      title: m.title,
      ...markdownFields(m.body),
      scheduledStart: iso(m.scheduledStart),
      scheduledEnd: iso(m.scheduledEnd),
      components: m.components.map((c) => c.component.name),
    })),
  };
}

export function incidentListDocument(list: Awaited<ReturnType<typeof listIncidents>>, base: string) {
  return {
    generatedAt: iso(list.generatedAt),
    page: list.page,
    pages: list.pages,
    total: list.total,
    next: list.page < list.pages ? `${base}/api/v1/incidents?page=${list.page + 1}` : null,
    incidents: list.items.map((i) => ({
      slug: i.slug,
      title: i.title,
      impact: word(i.impact),
      status: word(i.status),
      startedAt: iso(i.startedAt),
      resolvedAt: iso(i.resolvedAt),
      url: `${base}/incidents/${i.slug}`,
      api: `${base}/api/v1/incidents/${i.slug}`,
    })),
  };
}

export function incidentDocument(incident: PublicIncident, base: string) {
  return {
    generatedAt: iso(incident.generatedAt),
    incident: {
      slug: incident.slug,
      title: incident.title,
      impact: word(incident.impact),
      status: word(incident.status),
      startedAt: iso(incident.startedAt),
      resolvedAt: iso(incident.resolvedAt),
      url: `${base}/incidents/${incident.slug}`,
      components: incident.components.map((c) => ({ slug: c.component.slug, name: c.component.name, status: word(c.status) })),
      updates: incident.updates.map((u) => ({ id: u.id, status: word(u.status), ...markdownFields(u.body), createdAt: iso(u.createdAt) })),
      faq: incident.faqEntries.map((f) => {
        const answer = renderMarkdown(f.answer);
        return { question: f.question, answer: f.answer, answerText: answer.text, answerHtml: answer.html };
      }),
      restoration: restorationDocument(incident.restoration),
      postmortem:
        incident.postmortemPublishedAt && incident.postmortemBody
          ? { ...markdownFields(incident.postmortemBody), publishedAt: iso(incident.postmortemPublishedAt) }
          : null,
    },
  };
}
