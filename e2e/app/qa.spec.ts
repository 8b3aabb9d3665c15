import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "../helpers/test";
import { createQaIncident, newSubscriber, seedQuestion } from "../helpers/forum";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const questions = (page: Page) => page.getByRole("list", { name: "Questions" }).locator(":scope > li");
const thread = (page: Page, text: string) => page.getByRole("list", { name: "Questions" }).locator(":scope > li").filter({ hasText: text });

/** The incident page is shared and cached: after a change, allow one stale render. */
async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000 });
}

test("a subscriber asks, support answers officially, pins it first and promotes it to the FAQ", async ({ browser }) => {
  test.slow(); // two people signing in, six changes
  const incident = await createQaIncident();
  const tag = randomUUID().slice(0, 6);
  const asked = `Will my photos come back in full quality? (${tag})`;
  const other = `Is the calendar affected too? (${tag})`;
  const answer = `Yes, photos come back in **original quality**. (${tag})`;

  const subscriber = await (await browser.newContext()).newPage();
  await signIn(subscriber, (await newSubscriber("Avery Quinn")).email, `/incidents/${incident.slug}`);
  const ask = subscriber.getByLabel("Ask a question");
  await ask.fill(asked);
  await subscriber.getByRole("button", { name: "Post question" }).click();
  await expect(subscriber.getByRole("status").filter({ hasText: "Your question is posted." })).toBeVisible();
  await expect(ask).toHaveValue("");
  await expect(thread(subscriber, asked)).toContainText("Avery Q.");
  await ask.fill(other);
  await subscriber.getByRole("button", { name: "Post question" }).click();
  await expect(questions(subscriber).first()).toContainText(other);

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, await newStaffMember("SUPPORT"), `/incidents/${incident.slug}`);
  await reloadUntil(staff, () => expect(thread(staff, asked)).toBeVisible({ timeout: 1_000 }));
  const card = thread(staff, asked);
  await card.getByRole("button", { name: "Reply" }).click();
  await expect(card.getByLabel("Post as the official answer")).toBeChecked();
  await card.getByLabel("Your reply").fill(answer);
  await card.getByRole("button", { name: "Post official answer" }).click();
  const reply = card.getByRole("list", { name: "Replies" }).getByRole("article");
  await expect(reply).toContainText("Official");
  await expect(reply).toContainText("Support team");
  await expect(reply.locator("strong")).toHaveText("original quality");

  await card.getByRole("group", { name: "Staff actions for this question" }).getByRole("button", { name: "Pin" }).click();
  await expect(questions(staff).first()).toContainText(asked);
  await expect(questions(staff).first()).toContainText("Pinned");
  await reply.getByRole("button", { name: "Promote to FAQ" }).click();
  await expect(reply.getByRole("status")).toHaveText("Added to the FAQ at the top of this page.");
  await expect(reply).toContainText("In the FAQ");

  // What every visitor now sees: the pinned question first, its official answer, and the FAQ.
  const faq = subscriber.getByRole("region", { name: "Frequently asked" });
  await reloadUntil(subscriber, async () => {
    await expect(faq).toBeVisible({ timeout: 1_000 });
    await expect(questions(subscriber).first()).toContainText("Pinned", { timeout: 1_000 });
  });
  await expect(questions(subscriber).first()).toContainText(asked);
  await expect(questions(subscriber).first().getByRole("list", { name: "Replies" })).toContainText("Official");
  await faq.getByText(asked).click();
  await expect(faq.getByText("original quality")).toBeVisible();
  await expect(subscriber.getByRole("group", { name: /Staff actions/ })).toHaveCount(0);
});

test("a hidden post is gone for subscribers and signed-out visitors, and staff see why", async ({ browser }) => {
  test.slow();
  const incident = await createQaIncident();
  const author = await newSubscriber("Jordan Lake");
  const tag = randomUUID().slice(0, 6);
  const secret = `Call me on +1 555 0100, here is my account password (${tag})`;
  const fine = `When will contacts be restored? (${tag})`;
  await seedQuestion(incident.id, author.id, secret);
  await seedQuestion(incident.id, author.id, fine);

  const staffEmail = await newStaffMember("SUPPORT");
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, staffEmail, `/incidents/${incident.slug}`);
  const card = thread(staff, secret);
  await card.getByRole("button", { name: "Hide…" }).click();
  await card.getByLabel(/Why hide this question/).fill("Shares a phone number and a password");
  await card.getByRole("button", { name: "Hide question" }).click();
  await expect(staff.getByText("The question is hidden.")).toBeVisible();
  await expect(staff.getByText(secret)).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/incidents/${incident.slug}`);
  await reloadUntil(visitor, () => expect(visitor.getByText(secret)).toHaveCount(0, { timeout: 1_000 }));
  await expect(visitor.getByText(fine)).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in to ask a question" })).toHaveAttribute("href", `/signin?callbackUrl=/incidents/${incident.slug}%23qa`);
  const threads = await visitor.request.get(`/api/forum/incidents/${incident.slug}/threads`);
  expect(JSON.stringify(await threads.json())).not.toContain("555 0100");

  const subscriber = await (await browser.newContext()).newPage();
  await signIn(subscriber, (await newSubscriber()).email, `/incidents/${incident.slug}`);
  await expect(subscriber.getByText(fine)).toBeVisible();
  await expect(subscriber.getByText(secret)).toHaveCount(0);

  await staff.goto(`/admin/qa?filter=hidden&incident=${incident.slug}`);
  const queued = staff.getByRole("article").filter({ hasText: secret });
  await expect(queued).toContainText("Shares a phone number and a password");
  await expect(queued).toContainText(`by ${staffEmail}`);
  await queued.getByRole("button", { name: "Unhide" }).click();
  await expect(staff.getByRole("article").filter({ hasText: secret })).toHaveCount(0);
  await reloadUntil(visitor, () => expect(visitor.getByText(secret)).toBeVisible({ timeout: 1_000 }));
});

test("markup and script in a post show as text and never run", async ({ page }) => {
  const incident = await createQaIncident();
  const payload = ['Help <img src=x onerror="window.__xss=1"> please', "<script>window.__xss=1</script>", "[x](javascript:window.__xss=1) and **bold**"].join("\n\n");
  await signIn(page, (await newSubscriber()).email, `/incidents/${incident.slug}`);
  await page.getByLabel("Ask a question").fill(payload);
  await page.getByRole("button", { name: "Post question" }).click();

  const check = async () => {
    const card = questions(page).first();
    await expect(card.getByText('Help <img src=x onerror="window.__xss=1"> please')).toBeVisible({ timeout: 1_000 });
    await expect(card.getByText("<script>window.__xss=1</script>")).toBeVisible();
    await expect(card.locator("strong")).toHaveText("bold");
    await expect(card.locator("img, script")).toHaveCount(0);
    await expect(card.locator('a[href^="javascript"]')).toHaveCount(0);
    await card.getByText("x", { exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  };
  await check(); // as the browser drew it from the answer
  await reloadUntil(page, check); // and as the server renders it for everyone
});

test("“I have this too” toggles on and off, once per person", async ({ browser, page }) => {
  const incident = await createQaIncident();
  const author = await newSubscriber();
  const body = `Sync keeps failing on my phone (${randomUUID().slice(0, 6)})`;
  await seedQuestion(incident.id, author.id, body);

  await page.goto(`/incidents/${incident.slug}`);
  await thread(page, body).getByRole("button", { name: /I have this too/ }).click();
  await expect(thread(page, body).getByText("Sign in to add your vote.")).toBeVisible();

  const voter = await (await browser.newContext()).newPage();
  await signIn(voter, (await newSubscriber()).email, `/incidents/${incident.slug}`);
  const vote = thread(voter, body).getByRole("button", { name: /I have this too/ });
  await expect(vote).toHaveAttribute("aria-pressed", "false");
  await vote.click();
  await expect(vote).toHaveAttribute("aria-pressed", "true");
  await expect(vote).toContainText("1");
  await expect(vote).toHaveAccessibleName(/\(1 person\)/);
  await reloadUntil(voter, async () => {
    await expect(vote).toHaveAttribute("aria-pressed", "true", { timeout: 1_000 });
    await expect(vote).toHaveAccessibleName(/\(1 person\)/, { timeout: 1_000 });
  });
  await vote.click();
  await expect(vote).toHaveAttribute("aria-pressed", "false");
  await expect(vote).toHaveAccessibleName(/\(0 people\)/);
});
