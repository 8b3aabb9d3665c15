import { randomUUID } from "node:crypto";
import { DomUtils, parseDocument } from "htmlparser2";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listFeedEntries } from "@/lib/incidents/list-feed-entries";
import { findLiveMarkup } from "@/lib/markdown/live-markup";
import { buildAtom, buildRss } from "./build-feed";

// Staff-written updates go into the feeds as HTML. A feed reader that does not sanitise renders
// whatever the XML decodes to, so what it decodes to must be inert, whatever staff typed.
const CORPUS = [
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "[x](javascript:alert(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<script>alert(1)</script>",
  "[y](JaVaScRiPt:alert(1)) [z]( java\tscript:alert(1))",
  '<a href="javascript:alert(1)">a</a> <iframe src="https://evil.example"></iframe>',
  "**bold** <b onmouseover=alert(1)>b</b>",
];

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", isArray: (name) => name === "item" || name === "entry" });
const textOf = (node: unknown): string => (typeof node === "string" ? node : String((node as { "#text"?: unknown })["#text"] ?? ""));

/** The same document read by a second, independent XML parser: both must agree on what a reader gets. */
function xmlTexts(document: string, tag: string): string[] {
  const parsed = parseDocument(document, { xmlMode: true });
  return DomUtils.getElementsByTagName(tag, parsed.children).map((e) => DomUtils.textContent(e));
}

async function feedEntriesFor(slug: string) {
  return (await listFeedEntries()).filter((e) => e.id.startsWith(`/incidents/${slug}/`));
}

describe("feeds carry only inert HTML (XSS corpus)", () => {
  it("RSS descriptions and Atom content decode, once, to HTML in which nothing runs", async () => {
    const slug = `feed-xss-${randomUUID().slice(0, 8)}`;
    // Dated ahead so that they are among the newest updates however many other tests post.
    const at = Date.now() + 86_400_000;
    await db.incident.create({
      data: {
        slug,
        title: `Feed XSS <script>alert("title")</script>`,
        impact: "MINOR",
        updates: { create: CORPUS.map((body, i) => ({ status: "INVESTIGATING" as const, body, createdAt: new Date(at + i * 1000) })) },
      },
    });
    const entries = await feedEntriesFor(slug);
    expect(entries).toHaveLength(CORPUS.length);

    const input = { base: "https://status.example", title: "Nimbus", entries, updatedAt: new Date(at) };
    const rss = buildRss(input);
    const atom = buildAtom(input);
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(XMLValidator.validate(atom)).toBe(true);

    const items = xml.parse(rss).rss.channel.item as { title: unknown; description: unknown }[];
    const atomEntries = xml.parse(atom).feed.entry as { title: unknown; content: { "@type": string } }[];
    const rssDescriptions = items.map((i) => textOf(i.description)).filter((_, n) => textOf(items[n]!.title).startsWith("Feed XSS"));
    const atomContents = atomEntries.filter((e) => textOf(e.title).startsWith("Feed XSS")).map((e) => textOf(e.content));
    expect(rssDescriptions).toHaveLength(CORPUS.length);
    expect(atomContents).toHaveLength(CORPUS.length);
    // An independent parser decodes the documents to the same HTML: escaped exactly once.
    expect(xmlTexts(rss, "description").filter((d) => rssDescriptions.includes(d))).toHaveLength(CORPUS.length);
    expect(xmlTexts(atom, "content").filter((c) => atomContents.includes(c))).toHaveLength(CORPUS.length);
    for (const entry of atomEntries) expect(entry.content["@type"]).toBe("html");

    for (const html of [...rssDescriptions, ...atomContents]) {
      expect(findLiveMarkup(html), html).toEqual([]);
      const elements = DomUtils.findAll(() => true, parseDocument(html).children);
      for (const element of elements) {
        expect(["p", "a", "strong", "em", "code", "b"]).toContain(element.name);
        for (const [name, value] of Object.entries(element.attribs)) {
          expect(name.startsWith("on"), `${name} on <${element.name}>`).toBe(false);
          if (name === "href") expect(value).toMatch(/^(https?:|mailto:|#|\/)/);
        }
      }
    }

    // What staff typed as markup reaches the reader as visible text, not as elements, and the
    // entity-escaped script stays text after the reader decodes it.
    const byBody = new Map(entries.map((e) => [e.text, e]));
    expect(byBody.has("<script>alert(1)</script>")).toBe(true);
    const decodedText = rssDescriptions.map((h) => DomUtils.textContent(parseDocument(h)));
    expect(decodedText).toContain("<img src=x onerror=alert(1)>");
    expect(decodedText).toContain("<script>alert(1)</script>");
    expect(decodedText.filter((t) => t === "<script>alert(1)</script>")).toHaveLength(2);
    // Titles are text: the reader shows the characters.
    expect(textOf(items[0]!.title)).toContain(`<script>alert("title")</script>`);
  });
});
