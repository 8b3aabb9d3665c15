import { expect, test } from "../helpers/test";

test("the status page tells a visitor what is wrong and where to look", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We are dealing with an outage");
  await expect(page.getByText(/Last updated/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Subscriber data loss after a core database failure" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Services" })).toBeVisible();
  await expect(page.getByText("Partial outage").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Backup verification upgrade" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Email preferences" })).toBeVisible();
});

test("an incident page shows its progress and the timeline newest first", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("article").filter({ hasText: "Subscriber data loss after a core database failure" }).getByRole("link", { name: "Full timeline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscriber data loss after a core database failure");
  await expect(page.getByRole("list", { name: "Incident progress" }).locator('[aria-current="step"]')).toHaveText("Monitoring");
  const updates = page.getByRole("region", { name: "Updates" }).getByRole("listitem");
  await expect(updates).toHaveCount(6);
  await expect(updates.first()).toContainText("Calendar restoration is well under way");
  await expect(updates.last()).toContainText("Some subscribers are seeing empty contact lists");
  await expect(page.getByRole("region", { name: "Frequently asked" })).toContainText("Do I have to do anything to get the free month?");
});

test("an unknown incident address shows a friendly not-found page", async ({ page }) => {
  const response = await page.goto("/incidents/no-such-incident");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("incident history lists past incidents", async ({ page }) => {
  await page.goto("/history");
  await expect(page.getByRole("link", { name: "Delayed photo uploads" })).toBeVisible();
  await expect(page.getByText("Page 1 of 1")).toBeVisible();
});

test("the portal has an icon for the browser tab and bookmarks", async ({ page, request }) => {
  await page.goto("/");
  const icon = page.locator('head link[rel="icon"][type="image/svg+xml"]');
  await expect(icon).toHaveCount(1);
  const response = await request.get((await icon.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  expect(await response.text()).toContain("<svg");
});
