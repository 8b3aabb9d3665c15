import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "../helpers/test";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const SCRIPT = "<script>window.__xss=1</script>";
const JS_LINK = "[x](javascript:window.__xss=1)";

/** Public pages may be served from a cache for one more render after a change: reload until it shows. */
async function eventually(page: Page, path: string, locator: Locator) {
  await page.goto(path);
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 1000 });
  }).toPass();
}

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
}

test("staff open an incident, post updates and resolve it; the public pages and feed follow, and hostile text stays inert", async ({ page }) => {
  test.slow(); // one long journey through the staff and public pages
  const tag = randomUUID().slice(0, 8);
  const title = `Photo sync stalls ${tag} <img src=x onerror="window.__xss=1">`;
  const body = `Uploads are paused ${tag}. ${SCRIPT} ${JS_LINK}`;
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/incidents/new");

  // A refused submit says why and keeps everything typed.
  await page.getByLabel("Title").fill("ab");
  await page.getByLabel("Photos", { exact: true }).selectOption("PARTIAL_OUTAGE");
  await page.getByLabel("Message").fill(body);
  await page.getByRole("button", { name: "Open incident and publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Give the incident a title of at least 3 characters." })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Message")).toHaveValue(body);
  await expect(page.getByLabel("Photos", { exact: true })).toHaveValue("PARTIAL_OUTAGE");

  // A template fills the message; undo brings the typed text back.
  await page.getByLabel("Start from a template").selectOption({ label: "Restoration progress (Monitoring)" });
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByLabel("Message")).toHaveValue(/Restoration of \*\*\{category\}\*\* is under way/);
  await expect(page.getByText("Still to fill in: {category}")).toBeVisible();
  await page.getByRole("button", { name: "Undo and bring back my text" }).click();
  await expect(page.getByLabel("Message")).toHaveValue(body);
  await page.getByLabel("Status", { exact: true }).selectOption("INVESTIGATING");

  await page.getByRole("button", { name: "Show preview" }).click();
  await expect(page.locator("#new-body-preview")).toContainText(SCRIPT);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Impact").selectOption("MINOR");
  await page.getByRole("button", { name: "Open incident and publish" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\d+\?opened=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const timeline = page.getByRole("region", { name: /Timeline/ });
  await expect(timeline.getByRole("article")).toHaveCount(1);
  await expect(timeline).toContainText(`Uploads are paused ${tag}. ${SCRIPT}`);
  await expectInert(page);
  const slug = (await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!.replace("/incidents/", "");
  expect(slug).toBe(`photo-sync-stalls-${tag}-img-src-x-onerror-window-xss-1`);

  // Public within 5 seconds of posting: the JSON API (the pages follow below).
  await expect(async () => {
    const { activeIncidents } = await (await page.request.get("/api/v1/status")).json();
    expect(activeIncidents.map((i: { slug: string }) => i.slug)).toContain(slug);
    const { incident } = await (await page.request.get(`/api/v1/incidents/${slug}`)).json();
    expect(incident.updates[0].body).toContain(`Uploads are paused ${tag}. ${SCRIPT}`);
  }).toPass({ timeout: 5_000 });

  // The status page lists it as active with its latest update, the text shown literally.
  const active = page.getByRole("region", { name: "Active incidents" }).getByRole("article").filter({ has: page.getByRole("link", { name: title }) });
  await eventually(page, "/", active);
  await expect(active).toContainText(`Latest update · Investigating`);
  await expect(active).toContainText(`Uploads are paused ${tag}. ${SCRIPT}`);
  await expectInert(page);

  await eventually(page, `/incidents/${slug}`, page.getByRole("heading", { level: 1, name: title }));
  await expect(page.getByRole("region", { name: "Updates" })).toContainText(SCRIPT);
  await page.getByText("x", { exact: true }).click();
  await expectInert(page);

  await expect(async () => {
    const atom = await page.request.get("/feed.atom");
    expect(await atom.text()).toContain(`<title>Photo sync stalls ${tag} &lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; — Investigating</title>`);
  }).toPass();

  // A further update changes the services; a resolving one moves the incident to the past.
  await page.goto(`/admin/incidents?page=1`);
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("Status", { exact: true }).selectOption("MONITORING");
  await page.getByLabel("Message").fill(`Uploads resumed ${tag}.`);
  await page.getByLabel("Also change the affected services").check();
  await page.getByLabel("Photos", { exact: true }).first().selectOption("DEGRADED");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update posted. The incident is now monitoring and its services are updated")).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveValue("");
  await expect(page.getByRole("list", { name: "Affected services" })).toContainText("Degraded");
  await eventually(page, "/", active.filter({ hasText: `Uploads resumed ${tag}.` }));
  await expect(active).toContainText("Latest update · Monitoring");

  await page.goto(`/admin/incidents`);
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("Status", { exact: true }).selectOption("RESOLVED");
  await expect(page.getByText("Posting this resolves the incident")).toBeVisible();
  await page.getByLabel("Message").fill(`All photos synced ${tag}.`);
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Update posted. The incident is now resolved")).toBeVisible();
  await expect(page.getByRole("region", { name: /Timeline/ }).getByRole("article")).toHaveCount(3);

  await eventually(page, "/", page.getByRole("region", { name: "Past incidents" }).getByRole("link", { name: title }));
  await expect(page.getByRole("region", { name: "Active incidents" }).getByRole("link", { name: title })).toHaveCount(0);
  await expectInert(page);
});

test("staff correct an incident and an update, and publish a postmortem that the public page shows", async ({ page }) => {
  test.slow();
  const staff = await newStaffMember("SUPPORT");
  const incident = await createResolvedIncident("Postmortem journey");
  await signIn(page, staff, `/admin/incidents/${incident.id}`);

  const details = page.getByRole("region", { name: "Incident details" });
  await details.getByLabel("Title").fill(`${incident.title} (corrected)`);
  await details.getByLabel("Impact").selectOption("MAJOR");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByText("Details saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${incident.title} (corrected)`);

  const update = page.getByRole("region", { name: /Timeline/ }).getByRole("article").first();
  await update.getByText("Correct this update").click();
  await update.getByLabel("Corrected text").fill("Photo uploads are back to normal; the backlog has cleared.");
  await update.getByRole("button", { name: "Save correction" }).click();
  await expect(update.getByText("Correction saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: /Timeline/ }).getByRole("article").first()).toContainText(`Edited`);
  await expect(page.getByRole("region", { name: /Timeline/ }).getByRole("article").first()).toContainText(staff);

  const postmortem = page.getByRole("region", { name: "Postmortem" });
  await postmortem.getByLabel("Postmortem text").fill(`## What happened\nA queue filled up. ${SCRIPT}`);
  await postmortem.getByRole("button", { name: "Save draft" }).click();
  await expect(postmortem.getByText("Draft saved. Only staff can see it.")).toBeVisible();
  await postmortem.getByRole("button", { name: "Publish" }).click();
  await expect(postmortem.getByText("Published: the postmortem is on the incident page.")).toBeVisible();

  const published = page.getByRole("region", { name: "Postmortem" }).getByRole("heading", { name: "What happened" });
  await eventually(page, `/incidents/${incident.slug}`, published);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${incident.title} (corrected)`);
  await expect(page.getByRole("region", { name: "Updates" })).toContainText("the backlog has cleared");
  await expect(page.getByRole("region", { name: "Postmortem" })).toContainText(SCRIPT);
  await expectInert(page);

  await page.goto(`/admin/incidents/${incident.id}`);
  await page.getByRole("region", { name: "Postmortem" }).getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Unpublished: the postmortem is no longer public.")).toBeVisible();
  await page.goto(`/incidents/${incident.slug}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Postmortem" })).toHaveCount(0, { timeout: 1000 });
  }).toPass();
});

test("support keeps update templates: create, refuse a taken name, edit, delete", async ({ page }) => {
  const name = `Cause found ${randomUUID().slice(0, 8)}`;
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/incidents/templates");
  const form = page.getByRole("region", { name: "New template" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Status it sets").selectOption("IDENTIFIED");
  await form.getByLabel("Text").fill("We found the cause: {cause}.");
  await form.getByRole("button", { name: "Create template" }).click();
  await expect(form.getByText(`Template “${name}” created.`)).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("");

  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Text").fill("Again.");
  await form.getByRole("button", { name: "Create template" }).click();
  await expect(form.getByText(`There is already a template called “${name}”. Choose another name.`)).toBeVisible();
  await expect(form.getByLabel("Text")).toHaveValue("Again.");

  const saved = page.getByRole("region", { name, exact: true });
  await saved.locator("summary").click();
  await saved.getByLabel("Text").fill("We found the cause: {cause}. A fix is on its way.");
  await saved.getByRole("button", { name: `Save template ${name}` }).click();
  await expect(saved.getByText(`Template “${name}” saved.`)).toBeVisible();

  await saved.getByRole("button", { name: `Delete… template ${name}` }).click();
  await saved.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByRole("region", { name, exact: true })).toHaveCount(0);
});
