import { expect, test } from "@playwright/test";
import { signIn } from "../helpers/sign-in";

test("support staff reach the staff area", async ({ page }) => {
  await signIn(page, "support@nimbus.example", "/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("support@nimbus.example · Support staff")).toBeVisible();
  await expect(page.getByRole("region", { name: "Open incidents" })).toContainText("Subscriber data loss");
});

test("an admin reaches the staff area", async ({ page }) => {
  await signIn(page, "admin@nimbus.example", "/admin");
  await expect(page.getByText("admin@nimbus.example · Administrator")).toBeVisible();
});

test("a subscriber is refused the staff area", async ({ page }) => {
  await signIn(page, "mateo.rivera4@example.com");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is for support staff" })).toBeVisible();
  await expect(page.getByText("Overview")).toHaveCount(0);
});

test("a visitor who is not signed in is sent to sign in first", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
