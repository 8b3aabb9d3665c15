import { expect, test } from "../helpers/test";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// Support answers calls from anywhere: the staff restoration pages must work on a 390-px phone.
test("the plan, lookup and subscriber pages fit a phone screen", async ({ page }) => {
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/restoration/subscribers?q=NM-100015");
  await page.getByRole("link", { name: /Ines Rivera/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ines Rivera" })).toBeVisible();
  for (const path of [page.url(), "/admin/restoration/subscribers?q=NM-100015", "/admin/restoration/plan?incident=subscriber-data-loss"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  const save = page.getByRole("button", { name: "Save Contacts phase" });
  expect((await save.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
});
