import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.2 AA, the bar the product sets itself (PRODUCT.md), checked by axe-core.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Fails with each serious or critical axe violation on the page as it is now, naming the rule,
 * the elements and what axe says is wrong, so the failure reads as what a user would meet.
 */
export async function expectNoSeriousA11yViolations(page: Page, what = page.url()): Promise<void> {
  // The app's only frames are email previews, sandboxed without scripts: axe cannot run inside
  // them and waits on them until the test times out. Their content is an email, not the page.
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).exclude("iframe").analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`).join("\n")}`);
  expect(serious, `accessibility problems on ${what}`).toEqual([]);
}

/** Opens a page, waits for its heading (and for a page that loads its data, for the data), then checks it. */
export async function visitAndCheck(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, path);
}
