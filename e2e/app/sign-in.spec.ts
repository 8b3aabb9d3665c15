import { expect, test } from "../helpers/test";
import { waitForMail } from "../helpers/mailbox";
import { requestMagicLink, signIn } from "../helpers/sign-in";

const SUBSCRIBER = "sam.rivera@example.com";
// Other demo subscribers, one per test, so per-address rate limits never collide.
const OTHERS = ["alex.rivera1@example.com", "jordan.rivera2@example.com", "priya.rivera3@example.com"] as const;

test("a subscriber signs in with the magic link and sees their own recovery", async ({ page }) => {
  await signIn(page, SUBSCRIBER);
  await expect(page.getByRole("heading", { name: "My recovery" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${SUBSCRIBER}`)).toBeVisible();
  await expect(page.getByText(/1 of 6 categories restored/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Contacts" }).getByText("Back", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "High scores" }).getByText("Could not be recovered").first()).toBeVisible();
});

test("the sign-in email comes from the sign-in sender and expires in 10 minutes", async ({ page }) => {
  const since = new Date(Date.now() - 1000);
  await requestMagicLink(page, OTHERS[0]);
  const mail = await waitForMail(OTHERS[0], since, /sign-in link/);
  expect(mail.from).toContain("signin@");
  expect(mail.text).toContain("expires in 10 minutes");
});

test("a magic link works only once", async ({ page, browser }) => {
  const link = await requestMagicLink(page, OTHERS[1]);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "My recovery" })).toBeVisible();

  const stranger = await browser.newContext();
  const second = await stranger.newPage();
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();
  await second.goto("/me");
  await expect(second).toHaveURL(/\/signin/);
  await stranger.close();
});

test("the form answers the same for an unknown address and sends no link", async ({ page }) => {
  const unknown = `nobody-${Date.now()}@example.com`;
  const since = new Date(Date.now() - 1000);
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(unknown);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(unknown, since);
  expect(mail.subject).toMatch(/Sign-in attempt/);
  expect(mail.text).not.toContain("/api/auth/callback/email");
});

test("asking for too many links for one address is refused with a clear message", async ({ page }) => {
  const email = `limit-${Date.now()}@example.com`;
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await page.goto("/signin");
  }
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.locator("#signin-error")).toContainText("Too many sign-in requests");
});

test("signing out ends the session on the server", async ({ page, context }) => {
  await signIn(page, OTHERS[2]);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  // Replaying the old session cookie must not work: the session row is gone.
  await context.addCookies(cookies);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin/);
});
