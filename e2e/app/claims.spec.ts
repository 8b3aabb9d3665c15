import { expect, test, type Page } from "../helpers/test";
import { createClaimFixture, type ClaimFixture } from "../helpers/claims-fixture";
import { waitForMail } from "../helpers/mailbox";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

async function claimGiftCard(page: Page, f: ClaimFixture): Promise<string> {
  await signIn(page, f.email, "/claims");
  const section = page.getByRole("region", { name: f.incidentTitle });
  await expect(section.getByText("Why you qualify: Your photos could not be recovered.").first()).toBeVisible();
  await expect(section.getByText(/^1 month of service\. Applied to your account on [A-Z][a-z]{2} \d{1,2}, \d{4}, nothing to do\.$/)).toBeVisible();
  await section.getByRole("checkbox", { name: new RegExp(f.giftTitle.replace("$", "\\$")) }).check();
  await expect(section.getByLabel("Send the gift card to")).toHaveValue(f.email);
  await section.getByRole("checkbox", { name: /I confirm that I am the account holder/ }).check();
  const since = new Date(Date.now() - 1000);
  await section.getByRole("button", { name: "Submit claim" }).click();
  await expect(page).toHaveURL(/\/claims\/C-[A-Z0-9]{4}-[A-Z0-9]{4}\?submitted=1$/);
  const number = /C-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page.url())![0];
  await expect(page.getByRole("status").filter({ hasText: "Your claim is submitted." })).toContainText(number);
  await expect(page.getByText("Submitted, waiting for review")).toBeVisible();
  const mail = await waitForMail(f.email, since, /We received your claim/);
  expect(mail.subject).toContain(number);
  return number;
}

test("a subscriber sees why they qualify, claims a gift card once, and gets a claim number and email", async ({ page }) => {
  const f = await createClaimFixture();
  const number = await claimGiftCard(page, f);

  await page.goto("/claims");
  const section = page.getByRole("region", { name: f.incidentTitle });
  await expect(section.getByRole("link", { name: number })).toBeVisible();
  await expect(section.getByRole("button", { name: "Submit claim" })).toHaveCount(0);

  await page.goto("/me");
  const compensation = page.getByRole("region", { name: "Compensation", exact: true });
  await expect(compensation).toContainText(`Your claim ${number}: submitted, waiting for review.`);
  // Every offer, where it stands for this subscriber, and why in plain words.
  await expect(compensation.getByRole("listitem").filter({ hasText: f.giftTitle })).toContainText(`Part of your claim ${number}.`);
  await expect(compensation.getByRole("listitem").filter({ hasText: f.extraTitle })).toContainText("Not part of your claim. Because your photos could not be recovered.");
  await expect(compensation.getByRole("listitem").filter({ hasText: f.monthTitle })).toContainText(/Applied to your account on [A-Z][a-z]{2} \d{1,2}, \d{4}, nothing to do\. Because your contacts were affected by the incident/);
});

test("the form keeps what was typed when the attestation is missing", async ({ page }) => {
  const f = await createClaimFixture();
  await signIn(page, f.email, "/claims");
  const section = page.getByRole("region", { name: f.incidentTitle });
  await section.getByRole("checkbox", { name: new RegExp(f.extraTitle) }).check();
  await section.getByRole("button", { name: "Submit claim" }).click();
  await expect(section.getByRole("status")).toHaveText("Tick the box to confirm that the information is true.");
  await expect(section.getByRole("checkbox", { name: new RegExp(f.extraTitle) })).toBeChecked();
  await expect(page).toHaveURL(/\/claims$/);
});

test("staff approve a claim, a code is assigned, and only its owner can reveal it", async ({ page, browser }) => {
  test.slow(); // three people sign in through the SMTP sink, and the decision email goes through the worker
  const f = await createClaimFixture({ codes: 1 });
  const number = await claimGiftCard(page, f);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, await newStaffMember("SUPPORT"), `/admin/claims?q=${number}`);
  const row = staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { name: number }) });
  await expect(row).toContainText(f.email);
  const since = new Date(Date.now() - 1000);
  await row.getByRole("button", { name: `Approve claim ${number}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: `Approved claim ${number}.` })).toBeVisible();
  await expect(row).toContainText("Fulfilled");
  await expect(row).toContainText(`code …${f.codes[0]!.slice(-4)}`);
  await expect(row).not.toContainText(f.codes[0]!);
  await waitForMail(f.email, since, /is fulfilled/);

  await page.goto(`/claims/${number}`);
  await expect(page.getByText("Fulfilled").first()).toBeVisible();
  await page.getByRole("button", { name: "Reveal my code" }).click();
  await expect(page.getByTestId("gift-code")).toHaveText(f.codes[0]!);

  // Another subscriber's claim number is simply not there.
  const other = await createClaimFixture();
  const otherContext = await browser.newContext();
  const stranger = await otherContext.newPage();
  await signIn(stranger, other.email, "/claims");
  const response = await stranger.goto(`/claims/${number}`);
  expect(response?.status()).toBe(404);
  await staffContext.close();
  await otherContext.close();
});

test("a subscriber cannot open the staff claims queue", async ({ page }) => {
  const f = await createClaimFixture();
  await signIn(page, f.email, "/claims");
  await page.goto("/admin/claims");
  await expect(page.getByRole("heading", { name: "Claims" })).toHaveCount(0);
});
