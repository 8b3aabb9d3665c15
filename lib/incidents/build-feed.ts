// Atom and RSS documents for incident updates. Pure: given entries, returns XML text.

export interface FeedEntry {
  id: number;
  incidentSlug: string;
  incidentTitle: string;
  status: string;
  body: string;
  createdAt: Date;
}

export function escapeXml(value: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than escaped.
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  return clean.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

const entryUrl = (base: string, e: FeedEntry) => `${base}/incidents/${encodeURIComponent(e.incidentSlug)}#update-${e.id}`;
const entryTitle = (e: FeedEntry) => `${e.incidentTitle} — ${e.status}`;

export function buildAtom({ base, title, entries, updatedAt }: { base: string; title: string; entries: FeedEntry[]; updatedAt: Date }): string {
  const items = entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(`${base}/incidents/${e.incidentSlug}/updates/${e.id}`)}</id>
    <title>${escapeXml(entryTitle(e))}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entryUrl(base, e))}"/>
    <updated>${e.createdAt.toISOString()}</updated>
    <content type="text">${escapeXml(e.body)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${base}/`)}</id>
  <title>${escapeXml(title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/`)}"/>
  <updated>${updatedAt.toISOString()}</updated>
${items}
</feed>
`;
}

export function buildRss({ base, title, entries, updatedAt }: { base: string; title: string; entries: FeedEntry[]; updatedAt: Date }): string {
  const items = entries
    .map(
      (e) => `    <item>
      <guid isPermaLink="false">${escapeXml(`${base}/incidents/${e.incidentSlug}/updates/${e.id}`)}</guid>
      <title>${escapeXml(entryTitle(e))}</title>
      <link>${escapeXml(entryUrl(base, e))}</link>
      <pubDate>${e.createdAt.toUTCString()}</pubDate>
      <description>${escapeXml(e.body)}</description>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>${escapeXml(`${base}/`)}</link>
    <atom:link href="${escapeXml(`${base}/feed.rss`)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(`${title}: incidents and their updates`)}</description>
    <lastBuildDate>${updatedAt.toUTCString()}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}
