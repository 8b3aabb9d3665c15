import { expect, test } from "../helpers/test";
import { incidentDays } from "../helpers/uptime";

test("on a phone each service shows the last 30 days, and says so", async ({ page }) => {
  await page.goto("/");
  const services = page.getByRole("region", { name: "Services" });
  for (const name of ["Sync", "Contacts", "Sign-in"]) {
    await expect(services.getByRole("group", { name: `${name}: status by day` }).locator("button:visible")).toHaveCount(30);
  }
  const row = services.getByRole("listitem").filter({ has: page.getByRole("group", { name: "Contacts: status by day" }) });
  await expect(row.getByText("30 days ago")).toBeVisible();
  await expect(row.getByText("90 days ago")).toBeHidden();
});

test("tapping a day opens its detail below the bar; tapping elsewhere or Escape closes it", async ({ page }) => {
  const [day] = await incidentDays("slow-contact-sync");
  await page.goto("/");
  const bar = page.getByRole("group", { name: "Contacts: status by day" });
  const button = bar.getByRole("button", { name: `${day}: degraded performance, 2 h 10 min` });
  const detail = page.getByRole("region", { name: `Contacts, ${day}` });

  await button.tap();
  await expect(detail).toBeVisible();
  await expect(detail.getByRole("link", { name: "Slow contact sync" })).toHaveAttribute("href", "/incidents/slow-contact-sync");
  // The panel sits below the bar, inside the page's width.
  const [barBox, panelBox] = [await bar.boundingBox(), await detail.boundingBox()];
  expect(panelBox!.y).toBeGreaterThan(barBox!.y + barBox!.height);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);

  await page.getByRole("heading", { name: "Services" }).tap();
  await expect(detail).toBeHidden();

  await button.tap();
  await expect(detail).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();

  // A second tap on the same day closes it too.
  await button.tap();
  await expect(detail).toBeVisible();
  await button.tap();
  await expect(detail).toBeHidden();
});
