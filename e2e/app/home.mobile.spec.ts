import { expect, test } from "../helpers/test";

// A distressed subscriber on a 390-px phone: nothing may scroll sideways or hide the way in.
for (const path of ["/", "/incidents/subscriber-data-loss", "/signin", "/history"]) {
  test(`${path} fits a phone screen`, async ({ page }) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
    await expect(page.getByRole("link", { name: "My recovery" })).toBeVisible();
  });
}

test("tap targets on the sign-in form are at least 44 px tall", async ({ page }) => {
  await page.goto("/signin");
  for (const target of [page.getByLabel("Email address"), page.getByRole("button", { name: "Email me a sign-in link" })]) {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
});
