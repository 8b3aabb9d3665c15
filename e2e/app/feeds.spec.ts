import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { XMLParser } from "fast-xml-parser";
import { findLiveMarkup } from "../../lib/markdown/live-markup";
import { expectNotModifiedWhenUnchanged } from "../helpers/conditional";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

test("the Atom and RSS feeds carry incident updates and answer 304 when unchanged", async ({ request }) => {
  const atom = await request.get("/feed.atom");
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  expect(atom.headers()["cache-control"]).toContain("s-maxage");
  const xml = await atom.text();
  expect(xml).toContain("<title>Subscriber data loss after a core database failure — Monitoring</title>");
  expect(xml).toMatch(/href="http:\/\/localhost:\d+\/incidents\/subscriber-data-loss#update-\d+"/);

  await expectNotModifiedWhenUnchanged(request, "/feed.atom");

  const rss = await request.get("/feed.rss");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(await rss.text()).toContain("<title>Delayed photo uploads — Resolved</title>");
});

test("the demo's bold offer reaches feed readers as markup, not as asterisks", async ({ request }) => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", isArray: (name) => name === "entry" || name === "item" });
  const atom = parser.parse(await (await request.get("/feed.atom")).text()).feed;
  const offer = atom.entry.find((e: { content: { "#text": string } }) => e.content["#text"].includes("one month of service free"));
  expect(offer.content["#text"]).toContain("<strong>one month of service free</strong>");
  expect(offer.content["#text"]).not.toContain("**");
  expect(offer.summary["#text"]).toContain("gets one month of service free, applied to their account automatically (no action needed), and can claim");

  const rss = parser.parse(await (await request.get("/feed.rss")).text()).rss.channel;
  const item = rss.item.find((i: { description: string }) => i.description.includes("one month of service free"));
  expect(item.description).toContain("<strong>one month of service free</strong>");
});

const CORPUS = [
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "[x](javascript:alert(1))",
  "[y](data:text/html,<script>alert(1)</script>)",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<script>alert(1)</script>",
  '<a href="JaVaScRiPt:alert(1)">z</a>',
];

test("an update full of hostile markup stays inert in both feeds and the API, while its Markdown renders", async ({ page }) => {
  test.slow(); // signs in, posts, then waits for the cached documents to follow
  const tag = randomUUID().slice(0, 8);
  const incident = await createResolvedIncident("Feed hostile text");
  const body = [`Backlog cleared ${tag}: **bold news**.`, ...CORPUS].join("\n\n");
  await signIn(page, await newStaffMember("SUPPORT"), `/admin/incidents/${incident.id}`);
  await page.getByLabel("Status", { exact: true }).selectOption("RESOLVED");
  await page.getByLabel("Message").fill(body);
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update posted.")).toBeVisible();

  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", isArray: (name) => name === "entry" || name === "item" });
  const expectInert = (html: string) => {
    // Parsed as a reader would: text that merely spells out markup is fine, live markup is not.
    expect(findLiveMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|svg|img)\b/i);
    expect(html).toContain("<strong>bold news</strong>");
    expect(html).not.toContain("**");
  };

  await expect(async () => {
    const feed = parser.parse(await (await page.request.get("/feed.atom")).text()).feed;
    const entry = feed.entry.find((e: { content: { "#text": string } }) => e.content["#text"].includes(`Backlog cleared ${tag}`));
    expect(entry).toBeDefined();
    expect(entry.content["@type"]).toBe("html");
    expectInert(entry.content["#text"]);
    expect(entry.summary["#text"]).toContain(`Backlog cleared ${tag}: bold news.`);
  }).toPass({ timeout: 15_000 });

  await expect(async () => {
    const channel = parser.parse(await (await page.request.get("/feed.rss")).text()).rss.channel;
    const item = channel.item.find((i: { description: string }) => i.description.includes(`Backlog cleared ${tag}`));
    expect(item).toBeDefined();
    expectInert(item.description);
  }).toPass({ timeout: 15_000 });

  await expect(async () => {
    const { incident: document } = await (await page.request.get(`/api/v1/incidents/${incident.slug}`)).json();
    const update = document.updates.find((u: { body: string }) => u.body.includes(`Backlog cleared ${tag}`));
    // The form sends CRLF line ends, as browsers do.
    expect(update.body.replace(/\r\n/g, "\n")).toBe(body);
    expectInert(update.bodyHtml);
    expect(update.bodyText).toContain(`Backlog cleared ${tag}: bold news.`);
    expect(update.bodyText).not.toContain("**");
    // Markup typed into the update is text to a reader, never lost.
    expect(update.bodyText).toContain("<script>alert(1)</script>");
  }).toPass({ timeout: 15_000 });

  // And in a real browser, the feed's HTML runs nothing and links nowhere dangerous.
  const feed = parser.parse(await (await page.request.get("/feed.atom")).text()).feed;
  const html: string = feed.entry.find((e: { content: { "#text": string } }) => e.content["#text"].includes(`Backlog cleared ${tag}`)).content["#text"];
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setContent(`<main>${html}</main>`);
  for (const link of await page.locator("main a").all()) await link.click({ noWaitAfter: true }).catch(() => {});
  await expect(page.locator("main strong")).toHaveText("bold news");
  expect(await page.locator("main script, main svg, main img, main iframe, main [onerror], main [onload], main a[href]").count()).toBe(0);
  await expect(page.locator("main")).toContainText("<img src=x onerror=alert(1)>");
  expect(dialogs).toEqual([]);
});
