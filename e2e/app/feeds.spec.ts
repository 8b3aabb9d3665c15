import { expect, test } from "@playwright/test";
import { expectNotModifiedWhenUnchanged } from "../helpers/conditional";

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
