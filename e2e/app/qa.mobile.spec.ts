import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "../helpers/test";
import { createQaIncident, newSubscriber, seedQuestion } from "../helpers/forum";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

// Distressed subscribers ask from their phones, and support answers from theirs.
test("asking, replying and moderating work on a 390-px phone", async ({ page, browser }) => {
  test.slow();
  const incident = await createQaIncident();
  const tag = randomUUID().slice(0, 6);
  const longWord = `https://example.com/${"a".repeat(120)}`;
  await seedQuestion(incident.id, (await newSubscriber()).id, `Older question with a long link ${longWord} (${tag})`);

  await signIn(page, (await newSubscriber("Sam Ortiz")).email, `/incidents/${incident.slug}`);
  await page.getByLabel("Ask a question").fill(`My notes are empty since Tuesday (${tag})`);
  const post = page.getByRole("button", { name: "Post question" });
  expect((await post.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await post.click();
  await expect(page.getByText(`My notes are empty since Tuesday (${tag})`)).toBeVisible();
  await expectNoSidewaysScroll(page);

  const staff = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(staff, await newStaffMember("SUPPORT"), `/incidents/${incident.slug}`);
  await expect(async () => {
    await staff.reload();
    await expect(staff.getByText(`My notes are empty since Tuesday (${tag})`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const card = staff.getByRole("list", { name: "Questions" }).locator(":scope > li").filter({ hasText: `My notes are empty since Tuesday (${tag})` });
  await card.getByRole("button", { name: "Reply" }).click();
  await card.getByLabel("Your reply").fill("Notes are restored after contacts and calendar; My recovery shows your date.");
  await card.getByRole("button", { name: "Post official answer" }).click();
  await expect(card.getByRole("list", { name: "Replies" })).toContainText("Official");
  await expect(staff.getByRole("group", { name: "Staff actions for this question" }).first()).toBeVisible();
  await expectNoSidewaysScroll(staff);
  for (const button of await card.getByRole("group", { name: "Staff actions for this question" }).getByRole("button").all()) {
    expect((await button.boundingBox())?.height ?? 0, "staff buttons are easy to tap").toBeGreaterThanOrEqual(44);
  }
  await staff.goto("/admin/qa");
  await expect(staff.getByRole("heading", { level: 1, name: "Q&A moderation" })).toBeVisible();
  await expectNoSidewaysScroll(staff);
});
