import { expect, test } from "../helpers/test";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// On a phone the staff links fold behind "Menu", so the page's own heading is on the first screen.
test("the staff navigation collapses into a Menu on a phone, opens, and folds again after a link", async ({ page }) => {
  await signIn(page, await newStaffMember("ADMIN"), "/admin");
  const nav = page.getByRole("navigation", { name: "Staff" });
  const menu = nav.locator("summary", { hasText: "Menu" });
  await expect(menu).toBeVisible();
  await expect(nav.getByRole("link", { name: "Claims" })).toBeHidden();
  const heading = page.getByRole("heading", { name: "Overview" });
  const box = await heading.boundingBox();
  expect((box?.y ?? Infinity) + (box?.height ?? 0), "the page heading is on the first screen").toBeLessThanOrEqual(page.viewportSize()!.height);

  await menu.click();
  await expect(nav.getByRole("link", { name: "Claims" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "API tokens" })).toBeVisible();
  await nav.getByRole("link", { name: "Claims" }).click();
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Offers" })).toBeHidden();
});
