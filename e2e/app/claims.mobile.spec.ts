import { expect, test } from "../helpers/test";
import { createClaimFixture } from "../helpers/claims-fixture";
import { signIn } from "../helpers/sign-in";

test("on a phone the claim form fits the screen and submits", async ({ page }) => {
  const f = await createClaimFixture();
  await signIn(page, f.email, "/claims");
  const section = page.getByRole("region", { name: f.incidentTitle });
  await expect(section.getByText("Why you qualify: Your photos could not be recovered.").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await section.getByRole("checkbox", { name: new RegExp(f.giftTitle.replace("$", "\\$")) }).tap();
  await section.getByRole("checkbox", { name: /I confirm that I am the account holder/ }).tap();
  const submit = section.getByRole("button", { name: "Submit claim" });
  const box = await submit.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await submit.tap();
  await expect(page).toHaveURL(/\/claims\/C-[A-Z0-9]{4}-[A-Z0-9]{4}\?submitted=1$/);
  await expect(page.getByRole("heading", { name: /^Claim C-/ })).toBeVisible();
});
