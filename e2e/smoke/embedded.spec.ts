import { expect, test } from "@playwright/test";

// Runs against `npm run dev` on the embedded database (see scripts/smoke-embedded.ts).
test("a newcomer's portal serves the demo, staff sign in through the local mailbox and import progress", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We are dealing with an outage");
  await expect(page.getByRole("link", { name: "Subscriber data loss after a core database failure" })).toBeVisible();

  await page.goto("/signin?callbackUrl=/admin");
  await page.getByLabel("Email address").fill("support@nimbus.example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto("/dev/mailbox");
  const message = page.getByRole("link", { name: /Your Nimbus Mobile sign-in link/ }).first();
  await expect(message).toBeVisible();
  await expect(message).toContainText("support@nimbus.example");
  await message.click();
  await page.frameLocator('iframe[title="Message body"]').getByRole("link", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  // Staff import on the embedded database: its socket server cannot take COPY, so staging inserts.
  await page.goto("/admin/restoration/imports");
  await page.getByLabel("Incident").selectOption("subscriber-data-loss");
  const csv = [
    "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of",
    "NM-100042,contacts,AFFECTED,3,0,0,2020-01-01T00:00:00Z",
    "NM-999999,contacts,AFFECTED,3,0,0,2026-11-20T00:00:00Z",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "smoke.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel(/Apply valid rows/).check();
  await page.getByRole("button", { name: "Upload and import" }).click();
  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText(/Applied \(batch #\d+\)/);
  const count = (label: string) => result.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(count("Rows")).toHaveText("2");
  await expect(count("Stale")).toHaveText("1");
  await expect(count("Rejected")).toHaveText("1");
  await expect(result).toContainText("unknown subscriber reference");
});
