// Atom and RSS documents. Pure: given entries, returns XML text. An entry is anything with a page
// to link to and HTML to show (an incident update today), so new kinds of news need no new XML.

export interface FeedEntry {
  /** Site-relative path that names the entry for good (Atom id, RSS guid), e.g. "/incidents/x/updates/7". */
  id: string;
  title: string;
  /** Site-relative path of the page that shows the entry. */
  path: string;
  updated: Date;
  /** Sanitised HTML (lib/markdown/render-markdown.ts), the same the page shows. */
  html: string;
  /** The same as plain text, for fields that take no markup. */
  text: string;
}

export function escapeXml(value: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than escaped.
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  return clean.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

const SUMMARY_CHARS = 280;

/** The first words of the text, cut at a word boundary. */
function summarize(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, SUMMARY_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SUMMARY_CHARS / 2)).trimEnd()}…`;
}

type FeedInput = { base: string; title: string; entries: FeedEntry[]; updatedAt: Date };

export function buildAtom({ base, title, entries, updatedAt }: FeedInput): string {
  // The HTML is escaped exactly once, as type="html" asks: a reader unescapes it and gets the sanitised markup.
  const items = entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(`${base}${e.id}`)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(`${base}${e.path}`)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary type="text">${escapeXml(summarize(e.text))}</summary>
    <content type="html">${escapeXml(e.html)}</content>
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

export function buildRss({ base, title, entries, updatedAt }: FeedInput): string {
  // RSS 2.0's description is entity-encoded HTML: the sanitised markup, escaped once.
  const items = entries
    .map(
      (e) => `    <item>
      <guid isPermaLink="false">${escapeXml(`${base}${e.id}`)}</guid>
      <title>${escapeXml(e.title)}</title>
      <link>${escapeXml(`${base}${e.path}`)}</link>
      <pubDate>${e.updated.toUTCString()}</pubDate>
      <description>${escapeXml(e.html)}</description>
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
