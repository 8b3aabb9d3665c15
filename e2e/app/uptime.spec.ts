import { expect, test } from "../helpers/test";
import { incidentDays } from "../helpers/uptime";

const DEMO_SERVICES = ["Sync", "Contacts", "Calendar", "Notes & tasks", "Photos", "Games & high scores", "Web portal", "Sign-in"];

test("every service shows 90 days of history and its uptime", async ({ page }) => {
  await page.goto("/");
  const services = page.getByRole("region", { name: "Services" });
  for (const name of DEMO_SERVICES) {
    const bar = services.getByRole("group", { name: `${name}: status by day` });
    await expect(bar.getByRole("button")).toHaveCount(90);
    // One tab stop per bar: the days inside are reached with the arrow keys.
    await expect(bar.locator('button[tabindex="0"]')).toHaveCount(1);
  }
  const row = services.getByRole("listitem").filter({ has: page.getByRole("group", { name: "Web portal: status by day" }) });
  await expect(row.getByText("90 days ago")).toBeVisible();
  await expect(row.getByText("Today")).toBeVisible();
  await expect(row.getByText(/^\d{1,3}\.\d{2}% uptime$/).filter({ visible: true })).toHaveCount(1);
});

test("hovering a day with an incident shows what happened and links to the incident", async ({ page }) => {
  const [day] = await incidentDays("web-portal-unavailable");
  await page.goto("/");
  const bar = page.getByRole("group", { name: "Web portal: status by day" });
  await bar.getByRole("button", { name: `${day}: major outage, 47 min` }).hover();
  const detail = page.getByRole("region", { name: `Web portal, ${day}` });
  await expect(detail).toBeVisible();
  await expect(detail).toContainText("Major outage for 47 min this day");
  await expect(detail).toContainText("Major impact");

  // Moving down into the panel keeps it open, so its link can be followed.
  const link = detail.getByRole("link", { name: "Web portal unavailable" });
  await link.hover();
  await expect(link).toHaveAttribute("href", "/incidents/web-portal-unavailable");
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Web portal unavailable");
});

test("leaving the bar closes a hovered day; a quiet day says there were no incidents", async ({ page }) => {
  await page.goto("/");
  const bar = page.getByRole("group", { name: "Sign-in: status by day" });
  const quiet = bar.getByRole("button", { name: /: no incidents$/ }).first();
  const label = (await quiet.getAttribute("aria-label"))!.replace(/: no incidents$/, "");
  await quiet.hover();
  const detail = page.getByRole("region", { name: `Sign-in, ${label}` });
  await expect(detail).toContainText("No incidents");
  await page.getByRole("heading", { name: "Services" }).hover();
  await expect(detail).toBeHidden();
});

test("keyboard: focus opens a day, arrows move across midnight, Escape closes and Tab leaves the bar", async ({ page }) => {
  const [first, second] = await incidentDays("sign-in-errors-android");
  await page.goto("/");
  const bar = page.getByRole("group", { name: "Sign-in: status by day" });
  const day = bar.getByRole("button", { name: `${first}: partial outage, 1 h 20 min` });
  await day.focus();
  const detail = page.getByRole("region", { name: `Sign-in, ${first}` });
  await expect(detail.getByRole("link", { name: "Sign-in failing for some Android phones" })).toBeVisible();
  await expect(detail).toContainText("Partial outage for 1 h 20 min this day");

  // The incident ran past midnight: the next day shows the rest of it.
  await page.keyboard.press("ArrowRight");
  await expect(bar.getByRole("button", { name: `${second}: partial outage, 1 h 30 min` })).toBeFocused();
  await expect(page.getByRole("region", { name: `Sign-in, ${second}` })).toContainText("Partial outage for 1 h 30 min this day");

  // Tab goes into the open panel; Escape closes it and returns to the day.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: `Sign-in, ${second}` }).getByRole("button", { name: /Close/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: `Sign-in, ${second}` })).toBeHidden();
  await expect(bar.getByRole("button", { name: new RegExp(`^${second}:`) })).toBeFocused();

  // Tab from the bar skips its other 89 days and closes nothing it should not.
  await page.keyboard.press("Tab");
  await expect(bar.locator(":focus")).toHaveCount(0);
});

test("services still waiting for their data show every day since the data loss as degraded, and below 100%", async ({ page }) => {
  const [start, next] = await incidentDays("subscriber-data-loss");
  await page.goto("/");
  const services = page.getByRole("region", { name: "Services" });
  for (const name of ["Contacts", "Calendar", "Notes & tasks"]) {
    const bar = services.getByRole("group", { name: `${name}: status by day` });
    await expect(bar.getByRole("button", { name: new RegExp(`^${start}: degraded, data not yet restored, `) })).toHaveCount(1);
    await expect(bar.getByRole("button").last()).toHaveAttribute("aria-label", /: degraded, data not yet restored, /);
    await expect(bar.getByRole("button", { name: /: degraded, data not yet restored, / })).toHaveCount(12);
    const row = services.getByRole("listitem").filter({ has: page.getByRole("group", { name: `${name}: status by day` }) });
    await expect(row.getByText(/^\d{1,2}\.\d{2}% uptime$/).filter({ visible: true })).toHaveCount(1);
    await expect(row.getByText("100.00% uptime")).toHaveCount(0);
  }

  const bar = services.getByRole("group", { name: "Contacts: status by day" });
  await bar.getByRole("button", { name: `${next}: degraded, data not yet restored, 24 h` }).hover();
  const detail = page.getByRole("region", { name: `Contacts, ${next}` });
  await expect(detail).toContainText("Degraded, data not yet restored");
  await expect(detail).toContainText("Degraded, data not yet restored for 24 h this day");
  await expect(detail.getByRole("link", { name: "Subscriber data loss after a core database failure" })).toHaveAttribute("href", "/incidents/subscriber-data-loss");
});
