import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import type { FeedEntry } from "@/lib/public/build-feed";
import { INCIDENT_STATUS_LABEL } from "./labels";

/** The newest official updates across all incidents, as feed entries (rendered once per cache refresh). */
export async function listFeedEntries(limit = 50): Promise<FeedEntry[]> {
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
