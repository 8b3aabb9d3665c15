import { expect, test } from "../helpers/test";
import { signIn } from "../helpers/sign-in";

test("a visitor is asked to sign in to manage email", async ({ page }) => {
  await page.goto("/preferences");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin?callbackUrl=/preferences");
});

test("a subscriber chooses which incident emails to get, and the choice sticks", async ({ page }) => {
  await signIn(page, "omar.rivera14@example.com", "/preferences");
  await page.getByLabel(/Only the services I choose/).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status")).toContainText("Choose at least one service");

  await page.getByLabel("Photos").check();
  await page.getByLabel(/One daily summary/).check();
  await expect(page.getByLabel(/My data coming back/)).toBeChecked();
  await page.getByLabel(/My compensation and claims/).uncheck();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");

  await page.reload();
  await expect(page.getByLabel(/Only the services I choose/)).toBeChecked();
  await expect(page.getByLabel("Photos")).toBeChecked();
  await expect(page.getByLabel("Contacts")).not.toBeChecked();
  await expect(page.getByLabel(/One daily summary/)).toBeChecked();
  await expect(page.getByLabel(/My data coming back/)).toBeChecked();
  await expect(page.getByLabel(/My compensation and claims/)).not.toBeChecked();
});
