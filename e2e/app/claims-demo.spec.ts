import { expect, test } from "../helpers/test";
import { withDb } from "../helpers/db";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const INCIDENT = "Subscriber data loss after a core database failure";
const EXTRA = "Extra $25 gift card for data we could not recover";

/** A demo subscriber with a category lost in part or in full and no claim yet (the last ones, which other specs leave alone). */
async function demoSubscriberWithLostData(): Promise<{ email: string; category: string }> {
  return withDb(async (c) => {
    const { rows } = await c.query<{ email: string; category: string }>(
      `SELECT u.email, min(dc.name) AS category
       FROM "User" u JOIN "RestorationRecord" r ON r."userId" = u.id JOIN "Incident" i ON i.id = r."incidentId" AND i.slug = 'subscriber-data-loss'
       JOIN "DataCategory" dc ON dc.id = r."categoryId"
       WHERE u.email LIKE '%@example.com' AND u.email <> 'sam.rivera@example.com' AND r.state IN ('PARTIAL', 'UNRECOVERABLE')
         AND NOT EXISTS (SELECT 1 FROM "Claim" cl WHERE cl."userId" = u.id)
       GROUP BY u.email, u."accountRef" ORDER BY u."accountRef" DESC LIMIT 1`,
    );
    return rows[0]!;
  });
}

test("on the demo, a subscriber who lost data sees the free month applied, claims both gift cards, staff approve, and the codes are revealed", async ({ page, browser }) => {
  const who = await demoSubscriberWithLostData();
  await signIn(page, who.email, "/me");

  // The automatic free month was applied by the system, on a real date; nothing to press.
  const compensation = page.getByRole("region", { name: "Compensation", exact: true });
  await expect(compensation.getByRole("listitem").filter({ hasText: "One month of service, free" })).toContainText(/Applied to your account on [A-Z][a-z]{2} \d{1,2}, \d{4}, nothing to do\./);
  // The lost category names the real offer for lost data, with the way to claim it.
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: who.category, exact: true }) });
  await expect(card).toContainText(`You can claim “${EXTRA}”.`);
  await expect(card).not.toContainText("You may be eligible");
  await card.getByRole("link", { name: "Claim it" }).click();

  await expect(page).toHaveURL(/\/claims$/);
  const section = page.getByRole("region", { name: INCIDENT });
  await expect(section).toContainText(`Some of your data could not be recovered. You can claim “${EXTRA}”.`);
  await section.getByRole("checkbox", { name: /^\$100 gift card/ }).check();
  await section.getByRole("checkbox", { name: new RegExp(EXTRA.replace("$", "\\$")) }).check();
  await section.getByRole("checkbox", { name: /I confirm that I am the account holder/ }).check();
  await section.getByRole("button", { name: "Submit claim" }).click();
  await expect(page).toHaveURL(/\/claims\/C-[A-Z0-9]{4}-[A-Z0-9]{4}\?submitted=1$/);
  const number = /C-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page.url())![0];
  await expect(page.getByText("Submitted, waiting for review")).toBeVisible();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, await newStaffMember("SUPPORT"), `/admin/claims?q=${number}`);
  const row = staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { name: number }) });
  await row.getByRole("button", { name: `Approve claim ${number}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: `Approved claim ${number}.` })).toBeVisible();
  // The demo's code pools are stocked, so approval hands out both codes at once.
  await expect(row).toContainText("Fulfilled");
  await staffContext.close();

  await page.goto(`/claims/${number}`);
  await expect(page.getByText("Fulfilled").first()).toBeVisible();
  for (const revealed of [1, 2]) {
    await page.getByRole("button", { name: "Reveal my code" }).first().click();
    await expect(page.getByTestId("gift-code")).toHaveCount(revealed);
  }
  const codes = await page.getByTestId("gift-code").allTextContents();
  expect(codes.sort()).toEqual([expect.stringMatching(/^DEMO-100-\d{4}-NIMBUS$/), expect.stringMatching(/^DEMO-25-\d{4}-NIMBUS$/)]);
});
