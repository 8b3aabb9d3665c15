import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../helpers/test";
import { publishMirror } from "../../lib/public/publish-mirror";

// `npm run status:publish` renders the public side into plain files; here they are published from
// the running app and served by a static file server that knows nothing about the application.
let root: string;
let files: Server;
let mirrorBase: string;

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".atom": "application/atom+xml", ".rss": "application/rss+xml" };

test.beforeAll(async ({ baseURL }) => {
  root = mkdtempSync(path.join(os.tmpdir(), "aftercare-mirror-"));
  const result = await publishMirror({ origin: baseURL!, root, staticDir: path.join(process.env.NEXT_DIST_DIR || ".next", "static") });
  expect(result.documents).toBeGreaterThan(8);
  const current = path.join(root, "current");
  // The same lookups as docs/nginx/status-mirror.conf: $uri, $uri/index.html, the API as .json.
  files = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url!, "http://mirror").pathname);
    const candidates = pathname.startsWith("/api/") ? [`${pathname}.json`] : [pathname, path.join(pathname, "index.html")];
    const found = candidates.map((c) => path.join(current, c)).find((file) => file.startsWith(current) && existsSync(file) && statSync(file).isFile());
    res.writeHead(found ? 200 : 404, { "content-type": TYPES[path.extname(found ?? ".html")] ?? "application/octet-stream" });
    res.end(readFileSync(found ?? path.join(current, "404.html")));
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  mirrorBase = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => files?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

test("the static mirror serves the status page, incident pages, feeds and API without the app", async ({ page }) => {
  const stylesheets: number[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".css")) stylesheets.push(response.status());
  });
  await page.goto(`${mirrorBase}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Services" })).toBeVisible();
  expect(stylesheets.length).toBeGreaterThan(0);
  expect(stylesheets.every((status) => status === 200)).toBe(true);

  await page.getByRole("link", { name: /Subscriber data loss/ }).first().click();
  await expect(page).toHaveURL(/\/incidents\/subscriber-data-loss$/);
  await expect(page.getByRole("heading", { name: "Updates" })).toBeVisible();

  await page.goto(`${mirrorBase}/history`);
  await expect(page.getByRole("heading", { name: "Incident history" })).toBeVisible();

  const status = await (await fetch(`${mirrorBase}/api/v1/status`)).json();
  expect(status.components.length).toBeGreaterThan(0);
  const incident = await (await fetch(`${mirrorBase}/api/v1/incidents/subscriber-data-loss`)).json();
  expect(incident.incident.updates.length).toBeGreaterThan(0);
  expect(await (await fetch(`${mirrorBase}/feed.atom`)).text()).toContain("<feed");
  expect((await fetch(`${mirrorBase}/incidents/no-such-incident`)).status).toBe(404);
});

test("publishing again switches to a new release and keeps only the last three", async ({ baseURL }) => {
  for (let i = 0; i < 3; i++) await publishMirror({ origin: baseURL!, root, staticDir: path.join(process.env.NEXT_DIST_DIR || ".next", "static") });
  const { readdirSync, readlinkSync } = await import("node:fs");
  expect(readdirSync(path.join(root, "releases"))).toHaveLength(3);
  expect(readdirSync(path.join(root, "releases"))).toContain(path.basename(readlinkSync(path.join(root, "current"))));
});
