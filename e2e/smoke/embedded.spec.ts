import { expect, test } from "@playwright/test";

// Runs against `npm run dev` on the embedded database (see scripts/smoke-embedded.ts).
test("a newcomer's portal serves the demo and staff sign in through the local mailbox", async ({ page }) => {
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
});
