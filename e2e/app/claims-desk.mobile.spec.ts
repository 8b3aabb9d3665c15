import { expect, test } from "../helpers/test";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// Offers get adjusted from a phone on the worst day too: the staff claims pages must fit 390 px.
test("the offers, code pool and credit export pages fit a phone screen", async ({ page }) => {
  await signIn(page, await newStaffMember("ADMIN"), "/admin/claims/offers?incident=subscriber-data-loss");
  for (const path of ["/admin/claims/offers?incident=subscriber-data-loss", "/admin/claims/codes", "/admin/claims/credits"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto("/admin/claims/offers?incident=subscriber-data-loss");
  const add = page.getByRole("button", { name: "Add offer" });
  expect((await add.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
});
