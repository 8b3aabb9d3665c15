import { describe, expect, it } from "vitest";
import { buildAtom, buildRss, type FeedEntry } from "./build-feed";

const entry: FeedEntry = {
  id: 7,
  incidentSlug: "data-loss",
  incidentTitle: 'Contacts <script>alert("x")</script> & calendar',
  status: "Monitoring",
  body: "Restored **contacts**\u0000 for <b>you</b>",
  createdAt: new Date("2026-11-20T10:00:00Z"),
};

describe("feeds", () => {
  it("escapes titles and bodies so no markup gets through", () => {
    const atom = buildAtom({ base: "https://status.example", title: "Nimbus", entries: [entry], updatedAt: entry.createdAt });
    expect(atom).not.toContain("<script>");
    expect(atom).toContain("Contacts &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; calendar — Monitoring");
    expect(atom).not.toContain("\u0000");
    expect(atom).toContain('href="https://status.example/incidents/data-loss#update-7"');
    expect(atom).toContain("<updated>2026-11-20T10:00:00.000Z</updated>");
  });

  it("writes RSS 2.0 with RFC 822 dates and stable guids", () => {
    const rss = buildRss({ base: "https://status.example", title: "Nimbus", entries: [entry], updatedAt: entry.createdAt });
    expect(rss).toContain("<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>");
    expect(rss).toContain('<guid isPermaLink="false">https://status.example/incidents/data-loss/updates/7</guid>');
    expect(rss).not.toContain("<b>");
  });
});
