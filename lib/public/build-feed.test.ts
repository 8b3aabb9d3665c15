import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { findLiveMarkup } from "@/lib/markdown/live-markup";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { buildAtom, buildRss, type FeedEntry } from "./build-feed";

const BASE = "https://status.example";
const body = "Restored **contacts**\u0000 for <b>you</b> <img src=x onerror=alert(1)> [x](javascript:alert(1))";
const entry: FeedEntry = {
  id: "/incidents/data-loss/updates/7",
  title: 'Contacts <script>alert("x")</script> & calendar — Monitoring',
  path: "/incidents/data-loss#update-7",
  updated: new Date("2026-11-20T10:00:00Z"),
  ...renderMarkdown(body),
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });
const build = (format: "atom" | "rss", entries = [entry]) => (format === "atom" ? buildAtom : buildRss)({ base: BASE, title: "Nimbus", entries, updatedAt: entry.updated });

describe("feeds", () => {
  it("escapes titles so no markup gets through", () => {
    const atom = build("atom");
    expect(atom).not.toContain("<script>");
    expect(atom).toContain("Contacts &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; calendar — Monitoring");
    expect(atom).not.toContain("\u0000");
    expect(atom).toContain('href="https://status.example/incidents/data-loss#update-7"');
    expect(atom).toContain("<updated>2026-11-20T10:00:00.000Z</updated>");
    expect(atom).toContain("<id>https://status.example/incidents/data-loss/updates/7</id>");
  });

  it("carries the sanitised HTML in Atom content, escaped once, and a plain-text summary", () => {
    const feed = parser.parse(build("atom")).feed;
    const content = feed.entry.content;
    expect(content["@type"]).toBe("html");
    // What a reader gets after XML decoding is the renderer's HTML itself: markdown turned into markup, nothing live.
    expect(content["#text"]).toBe(entry.html);
    expect(content["#text"]).toContain("<strong>contacts</strong>");
    expect(content["#text"]).not.toContain("**");
    expect(findLiveMarkup(content["#text"])).toEqual([]);
    expect(feed.entry.summary["#text"]).toBe("Restored contacts\uFFFD for <b>you</b> <img src=x onerror=alert(1)> x");
    expect(feed.entry.summary["@type"]).toBe("text");
  });

  it("writes RSS 2.0 with RFC 822 dates, stable guids and the sanitised HTML as the description", () => {
    const rss = build("rss");
    expect(rss).toContain("<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>");
    expect(rss).toContain('<guid isPermaLink="false">https://status.example/incidents/data-loss/updates/7</guid>');
    expect(rss).not.toContain("<b>");
    const item = parser.parse(rss).rss.channel.item;
    expect(item.description).toBe(entry.html);
    expect(item.description).toContain("<strong>contacts</strong>");
    expect(findLiveMarkup(item.description)).toEqual([]);
  });

  it("cuts a long summary at a word, and leaves the content whole", () => {
    const long = { ...entry, ...renderMarkdown(`${"word ".repeat(100)}end`) };
    const parsed = parser.parse(build("atom", [long])).feed.entry;
    expect(parsed.summary["#text"].length).toBeLessThanOrEqual(281);
    expect(parsed.summary["#text"]).toMatch(/word…$/);
    expect(parsed.content["#text"]).toContain("end</p>");
  });
});
