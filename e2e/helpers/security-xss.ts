// The XSS corpus and the checks that prove it inert wherever it is shown: a live page in Chromium,
// the HTML inside the feeds and the JSON API, and the HTML of an email.
import { expect, type Page } from "@playwright/test";

/**
 * Every payload of the corpus in one string, so that one write per field carries them all: an
 * event handler on an image and on an SVG, javascript: and data:text/html links in Markdown, and
 * an entity-encoded script. Each would call alert() if it ever became live markup. Kept short so
 * that it fits a 200-character title.
 */
export function xssPayload(): string {
  return [
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(2)>",
    "[j](javascript:alert(3))",
    "[d](data:text/html,<script>alert(4)</script>)",
    "&lt;script&gt;alert(5)&lt;/script&gt;",
  ].join(" ");
}

/**
 * Runs in the browser: what in `html` (or in the live document when null) could run script — an
 * on* attribute, a javascript:/data: URL in a link or source, a script the payload made, an
 * <svg>/<img> that came through as markup. Framework scripts carry the page's data as strings and
 * are not the payload's: only a script whose text is the payload's own call counts.
 */
export function liveMarkup(html: string | null): string[] {
  // React renders this on every <form> whose action is a server action; it is React's, not input.
  // data: links to CSV or plain text (the import page's sample file) download; they cannot run.
  const reactFormAction = "javascript:throw new Error('React form unexpectedly submitted.')";
  const doc = html === null ? document : new DOMParser().parseFromString(html, "text/html");
  const problems: string[] = [];
  for (const el of Array.from(doc.querySelectorAll("*"))) {
    if (el.closest("iframe")) continue;
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`${attr.name} on <${el.tagName.toLowerCase()}>: ${el.outerHTML.slice(0, 160)}`);
      if (/^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value) && !/^data:text\/(csv|plain)[;,]/i.test(attr.value) && attr.value !== reactFormAction) problems.push(`${attr.name}="${attr.value.slice(0, 80)}" on <${el.tagName.toLowerCase()}>`);
    }
    if (el.tagName === "SCRIPT" && /^\s*alert\(/.test(el.textContent ?? "")) problems.push(`a script made of the payload: ${el.outerHTML.slice(0, 160)}`);
    if ((el.tagName === "IMG" && el.getAttribute("src") === "x") || (el.tagName.toLowerCase() === "svg" && el.hasAttribute("onload"))) problems.push(`the payload's <${el.tagName.toLowerCase()}> as markup`);
  }
  return problems;
}

/** Records every dialog a page opens (and dismisses it), so a test can assert that none did. */
export function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss().catch(() => {});
  });
  return opened;
}

/**
 * The live page holds nothing the payload made; `visible` proves the field really is on it. Public
 * pages may come from the edge's cache for a few seconds after a change (README, "Caches and how
 * coherent they are"), so the page is loaded again until the fields show, within 15 seconds.
 */
export async function expectInertPage(page: Page, path: string, visible: string[], dialogs: string[]): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    for (const text of visible) await expect(page.getByText(text, { exact: false }).first(), `${path} shows "${text}"`).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  expect(await page.evaluate(liveMarkup, null), `live markup from the payload on ${path}`).toEqual([]);
  expect(dialogs, `dialogs opened on ${path}`).toEqual([]);
}

/** An HTML fragment (from a feed, the API or an email) parsed by the browser: nothing live in it. */
export async function expectInertHtml(page: Page, html: string, what: string): Promise<void> {
  expect(await page.evaluate(liveMarkup, html), `live markup in ${what}`).toEqual([]);
}
