import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "../helpers/test";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const utcIn = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

/** Public pages may be served from a cache for one more render after a change: reload until it shows. */
async function eventually(page: Page, locator: Locator) {
  await page.goto("/");
  await expect(async () => {
    await page.reload();
    await expect(locator).toBeVisible({ timeout: 1000 });
  }).toPass();
}

test("support schedules maintenance, starts and completes it; the status page follows", async ({ page }) => {
  test.slow();
  const title = `Portal upgrade ${randomUUID().slice(0, 8)}`;
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/maintenance/new");

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start (UTC)").fill(utcIn(2));
  await page.getByLabel("End (UTC)").fill(utcIn(1));
  await page.getByLabel("Web portal").check();
  await page.getByLabel("What will happen").fill("The web portal is **read-only** for up to an hour.");
  await page.getByRole("button", { name: "Schedule and publish" }).click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("End (UTC)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Web portal")).toBeChecked();

  await page.getByLabel("End (UTC)").fill(utcIn(4));
  await page.getByRole("button", { name: "Schedule and publish" }).click();
  await expect(page).toHaveURL(/\/admin\/maintenance\/\d+\?scheduled=1$/);
  const detail = page.url();

  await eventually(page, page.getByRole("region", { name: "Maintenance", exact: true }).getByRole("heading", { name: title }));
  const portal = page.getByRole("region", { name: "Services" }).getByRole("listitem").filter({ hasText: "Web portal" });

  await page.goto(detail);
  await page.getByRole("button", { name: `Start now ${title}` }).click();
  await expect(page.getByText("Started: the services show maintenance on the status page.")).toBeVisible();
  await expect(page.getByRole("button", { name: `Mark completed ${title}` })).toBeVisible();
  await eventually(page, portal.filter({ hasText: "Maintenance" }));

  await page.goto(detail);
  await page.getByRole("button", { name: `Mark completed ${title}` }).click();
  await expect(page.getByText("Completed: the services are back to their usual status.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Edit", exact: true })).toHaveCount(0);
  await eventually(page, portal.filter({ hasText: "Operational" }));
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
});
