import { getComponentHistory } from "@/lib/incidents/get-component-history";
import { getIncident } from "@/lib/incidents/get-incident";
import { getStatusOverview } from "@/lib/incidents/get-status-overview";
import { listFeedEntries } from "@/lib/incidents/list-feed-entries";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { cachedRead } from "./cached-read";
import { PUBLIC_TAGS } from "./tags";

// The reads behind every public page, feed and API document. Each goes through the data cache,
// so a cached request never reaches the database.

export const readStatusOverview = () =>
  cachedRead(["status-overview"], [PUBLIC_TAGS.status], () => getStatusOverview());

/** The 90-day bars; time alone changes them, which the data cache's refresh interval covers. */
export const readComponentHistory = () =>
  cachedRead(["component-history"], [PUBLIC_TAGS.status], () => getComponentHistory());

export const readIncident = (slug: string) =>
  cachedRead(["incident", slug], [PUBLIC_TAGS.incident(slug), PUBLIC_TAGS.incidents], () => getIncident(slug));

export const readIncidentPage = (page: number) =>
  cachedRead(["incidents-page", String(page)], [PUBLIC_TAGS.incidents], () => listIncidents({ page }));

export const readFeedEntries = () =>
  cachedRead(["feed-entries"], [PUBLIC_TAGS.incidents], () => listFeedEntries());
