import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { describeMarkup, findLiveMarkup } from "./live-markup";
import { renderMarkdown } from "./render-markdown";

/** Hostile text staff could paste into an update (or a compromised account could post). */
export const XSS_CORPUS = [
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "[x](javascript:alert(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<script>alert(1)</script>",
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  "[x](JaVaScRiPt:alert(1))",
  "[x]( java\tscript:alert(1))",
  "![x](javascript:alert(1))",
  "<iframe src=javascript:alert(1)></iframe>",
  "<p style=\"background:url(javascript:alert(1))\" onmouseover=alert(1)>hover</p>",
  "[ref]\n\n[ref]: javascript:alert(1)",
  "<https://example.com/\" onmouseover=\"alert(1)>",
];

/** The page's own rendering (react-markdown with the shared pipeline), without its wrapper div. */
const pageHtml = (markdown: string) => renderToStaticMarkup(createElement(Markdown, null, markdown)).replace(/^<div[^>]*>|<\/div>$/g, "");

describe("renderMarkdown", () => {
  it.each(XSS_CORPUS)("keeps %j inert in the HTML", (markdown) => {
    const { html } = renderMarkdown(markdown);
    expect(findLiveMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|svg|img|iframe)\b/i);
  });

  it.each(XSS_CORPUS)("renders %j on the page exactly as in the feeds and API", (markdown) => {
    expect(findLiveMarkup(pageHtml(markdown))).toEqual([]);
    expect(describeMarkup(pageHtml(markdown))).toEqual(describeMarkup(renderMarkdown(markdown).html));
  });

  it("shows typed HTML as its literal characters, so nothing silently disappears", () => {
    expect(describeMarkup(renderMarkdown("Hello <script>alert(1)</script> there").html).text).toBe("Hello <script>alert(1)</script> there");
    expect(renderMarkdown("&lt;script&gt;").text).toBe("<script>");
    expect(renderMarkdown("&lt;script&gt;").html).toBe("<p>&#x3C;script></p>");
  });

  it("drops the target of javascript: and data: links but keeps their text", () => {
    expect(renderMarkdown("[x](javascript:alert(1))").html).toBe('<p><a rel="nofollow noopener noreferrer">x</a></p>');
    expect(renderMarkdown("[x](data:text/html,<script>alert(1)</script>)").html).toBe('<p><a rel="nofollow noopener noreferrer">x</a></p>');
  });

  it("turns markdown into markup: bold, emphasis, lists, code and safe links", () => {
    const { html, text } = renderMarkdown("One month of service **free**, *automatically*.\n\n- contacts\n- `calendar`\n\nSee [My recovery](https://status.example/me).");
    expect(html).toContain("<strong>free</strong>");
    expect(html).toContain("<em>automatically</em>");
    expect(html).toContain("<ul>\n<li>contacts</li>\n<li><code>calendar</code></li>\n</ul>");
    expect(html).toContain('<a href="https://status.example/me" rel="nofollow noopener noreferrer">My recovery</a>');
    expect(html).not.toContain("**");
    expect(text).toBe("One month of service free, automatically.\n\ncontacts\ncalendar\n\nSee My recovery.");
  });

  it("leaves images out: a post must not load third-party content into readers' pages", () => {
    expect(renderMarkdown("Look ![tracker](https://evil.example/pixel.png)").html).toBe("<p>Look </p>");
    expect(pageHtml("Look ![tracker](https://evil.example/pixel.png)")).toBe("<p>Look </p>");
  });
});
