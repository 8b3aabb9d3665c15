/**
 * Cache tags for everything the public sees. Every cached public read is tagged with one or more
 * of these, and every change to public content revalidates the matching tags (see
 * mark-public-change.ts), so pages stay cached until something they show actually changes.
 */
export const PUBLIC_TAGS = {
  /** Components, their statuses, active incidents, maintenance: the status page and /api/v1/status. */
  status: "public:status",
  /** Incident lists: history pages, /api/v1/incidents, feeds. */
  incidents: "public:incidents",
  /** One incident: its page, its API document and its updates. */
  incident: (slug: string) => `public:incident:${slug}`,
  /** One incident's Q&A thread (posts, votes, pins, FAQ promotions). */
  qa: (slug: string) => `public:qa:${slug}`,
} as const;
