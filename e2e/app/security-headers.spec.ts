// The security headers on every kind of document: prerendered and ISR pages, pages rendered per
// request (signed in or not), the JSON API and the feeds. What the browser then refuses is checked
// on every page of every spec by the fixture in e2e/helpers/test.ts.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test, type Page } from "../helpers/test";
import { createClaimFixture } from "../helpers/claims-fixture";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// "refusal": the plain 403 page proxy.ts answers itself, with the per-request policy and no scripts.
type Kind = "static" | "nonce" | "refusal";

// Each test signs in and reads several documents twice over.
test.describe.configure({ timeout: 90_000 });

function policyOf(response: APIResponse): Map<string, string[]> {
  const headers = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(headers, `one Content-Security-Policy on ${response.url()}`).toHaveLength(1);
  return new Map(
    headers[0]!.value
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

async function checkDocument(request: APIRequestContext, path: string, kind: Kind): Promise<void> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect([200, 403, 404], `status of ${path}`).toContain(response.status());
  const headers = response.headers();
  expect(headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], path).toBe("camera=(), microphone=(), geolocation=()");

  const policy = policyOf(response);
  expect(policy.get("default-src"), path).toEqual(["'self'"]);
  expect(policy.get("object-src"), path).toEqual(["'none'"]);
  expect(policy.get("base-uri"), path).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(policy.get("form-action"), path).toEqual(["'self'"]);
  expect(policy.get("script-src-attr"), path).toEqual(["'none'"]);
  expect(policy.get("connect-src"), path).toEqual(["'self'"]);

  const scripts = policy.get("script-src") ?? [];
  if (kind === "static") {
    // The same bytes for everyone: no nonce, so inline scripts cannot be told apart (README).
    expect(scripts, path).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("style-src-elem"), path).toEqual(["'self'"]);
    return;
  }
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).toContain("'strict-dynamic'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `a nonce in script-src on ${path}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(policy.get("style-src-elem"), path).toEqual(["'self'", `'nonce-${nonce}'`]);
  // Next.js put that nonce on every script of the page, and the next request gets another one.
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  if (kind === "refusal") expect(tags, `scripts on ${path}`).toEqual([]);
  else expect(tags.length, `scripts on ${path}`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  const again = policyOf(await request.get(path, { maxRedirects: 0 })).get("script-src");
  expect(again, path).not.toContain(`'nonce-${nonce}'`);
}

async function checkResource(request: APIRequestContext, path: string, type: RegExp): Promise<void> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(type);
  expect(response.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
  expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  const policy = policyOf(response);
  expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(policy.get("object-src"), path).toEqual(["'none'"]);
}

test("public pages, prerendered or ISR, carry the static policy, the same for everyone", async ({ request }) => {
  for (const path of ["/", "/history", "/incidents/subscriber-data-loss", "/no-such-page"]) await checkDocument(request, path, "static");
  const first = (await request.get("/")).headers()["content-security-policy"];
  expect((await request.get("/")).headers()["content-security-policy"]).toBe(first);
});

test("pages rendered per request carry a fresh nonce on every script", async ({ request }) => {
  for (const path of ["/signin", "/signin/check-email?email=someone%40example.com", "/subscribe", "/preferences"]) await checkDocument(request, path, "nonce");
});

test("a subscriber's pages: the static shell of My recovery, the dynamic claims page, the refused staff area", async ({ page }) => {
  const { email } = await createClaimFixture();
  await signIn(page, email, "/claims");
  await checkDocument(page.request, "/me", "static");
  await checkDocument(page.request, "/claims", "nonce");
  const refused = await page.request.get("/admin", { maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  await checkDocument(page.request, "/admin", "refusal");
  await checkResource(page.request, "/api/me/recovery", /application\/json/);
});

test("staff pages carry a fresh nonce on every script", async ({ page }) => {
  await signIn(page, await newStaffMember("ADMIN"), "/admin");
  for (const path of ["/admin", "/admin/incidents", "/admin/tokens"]) await checkDocument(page.request, path, "nonce");
});

test("the JSON API and the feeds carry the headers too", async ({ request }) => {
  await checkResource(request, "/api/v1/status", /application\/json/);
  await checkResource(request, "/api/v1/incidents", /application\/json/);
  await checkResource(request, "/feed.atom", /application\/atom\+xml/);
  await checkResource(request, "/feed.rss", /application\/rss\+xml/);
});

// Stands for stored markup that slipped through: the page's own response, with `markup` added
// to its HTML by the server as it were, under the page's real headers.
async function injectMarkup(page: Page, path: string, markup: string): Promise<void> {
  await page.route(path, async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !["content-encoding", "content-length"].includes(name)));
    const html = (await response.text()).replace(/<body([^>]*)>/, `<body$1>${markup}`);
    await route.fulfill({ response, headers, body: html });
  });
}

const INJECTED_SCRIPT = `<script>window.injected = "script"</script>`;
const INJECTED_HANDLER = `<img alt="" src="/no-such-image.png" onerror="window.injected = 'handler'">`;
const INLINE_REFUSALS = /script-src-(elem|attr) refused inline|Executing inline (script|event handler) violates/;

declare global {
  interface Window {
    injected?: string;
  }
}

test("a page rendered per request runs neither an injected script nor an injected event handler", async ({ page, csp }) => {
  csp.expectRefusal(INLINE_REFUSALS);
  await injectMarkup(page, "/signin", INJECTED_SCRIPT + INJECTED_HANDLER);
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect.poll(() => csp.violations.filter((v) => v.includes("script-src-elem refused inline")).length).toBeGreaterThan(0);
  await expect.poll(() => csp.violations.filter((v) => v.includes("script-src-attr refused inline")).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.injected ?? null)).toBeNull();
  // Next.js's own, nonced scripts did run: the form works.
  await page.getByLabel("Email address").fill("someone@example.com");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("a prerendered page runs no injected event handler", async ({ page, csp }) => {
  csp.expectRefusal(INLINE_REFUSALS);
  await injectMarkup(page, "/history", INJECTED_HANDLER);
  await page.goto("/history");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect.poll(() => csp.violations.filter((v) => v.includes("script-src-attr refused inline")).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.injected ?? null)).toBeNull();
});
