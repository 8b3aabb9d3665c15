import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";

test("the subscribe form fits a phone and can be filled in there", async ({ page }) => {
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(`phone-${randomUUID().slice(0, 8)}@subscribers.example.org`);
  await page.getByLabel(/Only the services I choose/).check();
  await page.getByLabel("Photos").check();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no horizontal scrolling at 390 px").toBeLessThanOrEqual(0);
  const button = page.getByRole("button", { name: "Subscribe" });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  expect(box!.height, "a thumb-sized button").toBeGreaterThanOrEqual(40);
  await button.click();
  await expect(page.getByRole("heading", { name: "Check your inbox to confirm" })).toBeVisible();
});
