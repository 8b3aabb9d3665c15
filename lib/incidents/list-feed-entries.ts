import { db } from "@/lib/db";
import type { FeedEntry } from "./build-feed";
import { INCIDENT_STATUS_LABEL } from "./labels";

/** The newest official updates across all incidents, for the feeds. */
export async function listFeedEntries(limit = 50): Promise<FeedEntry[]> {
  const updates = await db.incidentUpdate.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, status: true, body: true, createdAt: true, incident: { select: { slug: true, title: true } } },
  });
  return updates.map((u) => ({
    id: u.id,
    incidentSlug: u.incident.slug,
    incidentTitle: u.incident.title,
    status: INCIDENT_STATUS_LABEL[u.status],
    body: u.body,
    createdAt: u.createdAt,
  }));
}
