import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { FeedEntry } from "@/lib/public/build-feed";
import { INCIDENT_STATUS_LABEL } from "./labels";

/**
 * The newest official updates across all incidents, and each data category whose restoration
 * completed, as feed entries (rendered once per cache refresh).
 */
export async function listFeedEntries(limit = 50): Promise<FeedEntry[]> {
  const [updateEntries, completions] = await Promise.all([listUpdateEntries(limit), listCompletionEntries(limit)]);
  return [...updateEntries, ...completions].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, limit);
}

const percent = (part: number, whole: number) => `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;

/** "Contacts: restoration complete" when every affected account in a category is settled (aggregates only). */
async function listCompletionEntries(limit: number): Promise<FeedEntry[]> {
  const phases = await db.restorationPhase.findMany({
    where: { completedAt: { not: null } },
    orderBy: { completedAt: "desc" },
    take: limit,
    select: {
      completedAt: true, affectedCount: true, restoredCount: true, partialCount: true, unrecoverableCount: true,
      category: { select: { slug: true, name: true } },
      incident: { select: { slug: true, title: true } },
    },
  });
  return phases.map((p) => {
    const slug = encodeURIComponent(p.incident.slug);
    const back = percent(p.restoredCount + p.partialCount, p.affectedCount);
    const lost = p.unrecoverableCount > 0 ? ` For ${percent(p.unrecoverableCount, p.affectedCount)} it could not be recovered.` : "";
    const { html, text } = renderMarkdown(`Restoration of ${p.category.name.toLowerCase()} is complete: it is back for ${back} of affected accounts.${lost} Sign in to *My recovery* to see your own.`);
    return {
      id: `/incidents/${slug}/restoration/${encodeURIComponent(p.category.slug)}`,
      title: `${p.incident.title} — ${p.category.name}: restoration complete`,
      path: `/incidents/${slug}#restoration`,
      updated: p.completedAt!,
      html,
      text,
    };
  });
}

async function listUpdateEntries(limit: number): Promise<FeedEntry[]> {
  const updates = await db.incidentUpdate.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, status: true, body: true, createdAt: true, incident: { select: { slug: true, title: true } } },
  });
  return updates.map((u) => {
    const slug = encodeURIComponent(u.incident.slug);
    const { html, text } = renderMarkdown(u.body);
    return {
      id: `/incidents/${slug}/updates/${u.id}`,
      title: `${u.incident.title} — ${INCIDENT_STATUS_LABEL[u.status]}`,
      path: `/incidents/${slug}#update-${u.id}`,
      updated: u.createdAt,
      html,
      text,
    };
  });
}
