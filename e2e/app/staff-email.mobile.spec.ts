import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { withDb } from "../helpers/db";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// Dead letters pile up on the worst day, when staff may only have a phone: the desk must fit 390 px.
test("the email desk and template previews fit a phone screen", async ({ page }) => {
  const to = `a-rather-long-mailbox-name-${randomUUID()}@a-long-subdomain.email-desk.example.com`;
  await withDb(async (c) => {
    await c.query(
      `INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", payload, status, attempts, "lastError") VALUES ($1, 'subscription.confirm', $2, '{}', 'DEAD', 8, $3)`,
      [`e2e:${randomUUID()}`, to, `421 4.7.0 ${"very-long-diagnostic-".repeat(8)}`],
    );
    await c.query(`INSERT INTO "EmailSuppression" (email, reason) VALUES ($1, 'complaint')`, [`s-${to}`]);
  });
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/email");
  for (const path of ["/admin/email", `/admin/email?q=${encodeURIComponent(to)}`, `/admin/email?to=${encodeURIComponent(to)}`, "/admin/email/templates"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto(`/admin/email?q=${encodeURIComponent(to)}`);
  const retry = page.getByRole("button", { name: /^Retry message/ });
  expect((await retry.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
});
