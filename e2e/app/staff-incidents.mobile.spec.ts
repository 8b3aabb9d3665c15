import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// Support posts updates from a phone on the worst day: the form must fit and work at 390 px.
test("the update form fits a phone and posts an update", async ({ page }) => {
  const staff = await newStaffMember("SUPPORT");
  const incident = await createResolvedIncident("Phone update");
  await signIn(page, staff, `/admin/incidents/${incident.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(incident.title);

  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(), "the incident page scrolls sideways").toBeLessThanOrEqual(0);
  const form = page.getByRole("region", { name: "Post an update" });
  for (const target of [form.getByLabel("Status", { exact: true }), form.getByLabel("Message"), form.getByRole("button", { name: "Post update" }), form.getByRole("button", { name: "Use template" })]) {
    expect((await target.boundingBox())?.height ?? 0, "tap target height").toBeGreaterThanOrEqual(44);
  }

  await form.getByLabel("Start from a template").selectOption({ label: "Restoration progress (Monitoring)" });
  await form.getByRole("button", { name: "Use template" }).click();
  await expect(form.getByLabel("Status", { exact: true })).toHaveValue("MONITORING");
  const note = `Follow-up from a phone ${randomUUID().slice(0, 8)}: **all** uploads checked.`;
  await form.getByLabel("Message").fill(note);
  await form.getByLabel("Status", { exact: true }).selectOption("RESOLVED");
  await form.getByRole("button", { name: "Show preview" }).click();
  await expect(form.locator("#update-body-preview strong")).toHaveText("all");
  await form.getByLabel("Also change the affected services").check();
  expect(await overflow(), "the open services picker scrolls sideways").toBeLessThanOrEqual(0);
  await form.getByLabel("Also change the affected services").uncheck();
  await form.getByRole("button", { name: "Post update" }).tap();
  await expect(form.getByText("Update posted. The incident is now resolved")).toBeVisible();

  const newest = page.getByRole("region", { name: /Timeline/ }).getByRole("article").first();
  await expect(newest).toContainText("all uploads checked");
  await expect(newest).toContainText(`Posted by E2E SUPPORT (${staff})`);
  for (const path of ["/admin/incidents", "/admin/incidents/new", "/admin/maintenance", "/admin/maintenance/new", "/admin/incidents/templates"]) {
    await page.goto(path);
    expect(await overflow(), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
