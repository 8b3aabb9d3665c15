import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { findLink } from "../../lib/mail/mailbox";
import { signEmailToken } from "../../lib/notifications/links";
import { withDb } from "../helpers/db";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { waitForMail } from "../helpers/mailbox";

const address = (what: string) => `${what}-${randomUUID().slice(0, 8)}@subscribers.example.org`;

/** A confirmed subscriber to every incident, written straight into the test database. */
async function confirmedSubscriber(email: string): Promise<void> {
  await withDb((c) =>
    c.query(`INSERT INTO "EmailSubscription" (id, email, "allIncidents", "confirmedAt", "updatedAt") VALUES ($1, $2, true, now(), now())`, [randomUUID(), email]),
  );
}

/** An official update on an incident affecting Photos, announced the way posting one does. */
async function announcePhotosUpdate(): Promise<string> {
  const incident = await createResolvedIncident("Subscription test");
  await withDb((c) =>
    c.query(`INSERT INTO "EmailFanout" (kind, "subjectId") SELECT 'incident-update', id FROM "IncidentUpdate" WHERE "incidentId" = $1`, [incident.id]),
  );
  return incident.title;
}

test("a visitor subscribes to chosen services, confirms from the email and turns incident mail off from a later email", async ({ page }) => {
  const email = address("visitor");
  const since = new Date(Date.now() - 1000);
  await page.goto("/");
  await page.getByRole("link", { name: "Get email updates" }).click();
  await expect(page.getByRole("heading", { name: "Get email updates" })).toBeVisible();

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(/Only the services I choose/).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Choose at least one service");
  await expect(page.getByLabel("Email address")).toHaveValue(email);

  await page.getByLabel("Photos").check();
  await page.getByLabel("Contacts").check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox to confirm" })).toBeVisible();

  const confirmation = await waitForMail(email, since, /Confirm/);
  const confirm = findLink(confirmation, "/subscribe/confirm/");
  expect(confirm, "a confirmation link in the email").toBeTruthy();
  await page.goto(confirm!);
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change my email preferences" })).toHaveAttribute("href", /^\/preferences\/[^/]+$/);

  const title = await announcePhotosUpdate();
  const update = await waitForMail(email, since, new RegExp(title));
  expect(JSON.stringify(update.headers)).toContain("/api/email/unsubscribe?list=incidents");
  const preferences = findLink(update, "/preferences/");
  expect(preferences, "a preferences link in the email footer").toBeTruthy();
  await page.goto(preferences!);
  await expect(page.getByText(`For ${email}`)).toBeVisible();
  await expect(page.getByLabel(/Only the services I choose/)).toBeChecked();
  await expect(page.getByLabel("Photos")).toBeChecked();
  await expect(page.getByLabel("Contacts")).toBeChecked();
  // An address without an account has no news of its own to switch.
  await expect(page.getByLabel(/My data coming back/)).toHaveCount(0);

  await page.getByLabel(/No incident updates/).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(page.getByLabel(/No incident updates/)).toBeChecked();
});

test("a confirmation link that was tampered with says so and confirms nothing", async ({ page }) => {
  const token = signEmailToken("confirm", address("tampered"));
  await page.goto(`/subscribe/confirm/${token.slice(0, -2)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This confirmation link is not valid");
  await expect(page.getByRole("button", { name: "Confirm my subscription" })).toHaveCount(0);
});

test("one-click unsubscribe works without cookies, and a plain GET changes nothing", async ({ page, playwright, baseURL }) => {
  const email = address("oneclick");
  await confirmedSubscriber(email);
  const token = signEmailToken("preferences", email);
  const url = `/api/email/unsubscribe?list=incidents&token=${token}`;
  // A fresh context: no cookies, no Origin, as a mail provider sends it.
  const provider = await playwright.request.newContext({ baseURL });

  const scanned = await provider.get(url, { maxRedirects: 0 });
  expect(scanned.status()).toBe(303);
  expect(scanned.headers().location).toContain(`/preferences/${token}?list=incidents`);
  await page.goto(`/preferences/${token}`);
  await expect(page.getByLabel(/Every incident/)).toBeChecked();

  expect((await provider.post(`/api/email/unsubscribe?list=incidents&token=${token.slice(0, -1)}`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);
  expect((await provider.post(`/api/email/unsubscribe?list=marketing&token=${token}`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);

  const done = await provider.post(url, { form: { "List-Unsubscribe": "One-Click" } });
  expect(done.status()).toBe(200);
  expect(await done.text()).toContain("unsubscribed");
  expect((await provider.post(url, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);
  await provider.dispose();

  await page.reload();
  await expect(page.getByLabel(/No incident updates/)).toBeChecked();
});

test("the unsubscribe link opened in a browser asks before it stops anything", async ({ page }) => {
  const email = address("clicker");
  await confirmedSubscriber(email);
  const token = signEmailToken("preferences", email);
  await page.goto(`/api/email/unsubscribe?list=incidents&token=${token}`);
  await expect(page).toHaveURL(new RegExp(`/preferences/${token}\\?list=incidents$`));
  await expect(page.getByText("Nothing has changed yet")).toBeVisible();
  await expect(page.getByLabel(/Every incident/)).toBeChecked();

  await page.getByRole("button", { name: "Stop incident updates" }).click();
  await expect(page.getByRole("status")).toContainText("you will get no more incident updates");
  await expect(page.getByLabel(/No incident updates/)).toBeChecked();
});

test("a preferences link that was cut short offers sign-in instead", async ({ page }) => {
  await page.goto(`/preferences/${signEmailToken("preferences", address("cut")).slice(0, 20)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This preferences link is not valid");
  await expect(page.getByRole("link", { name: "Sign in instead" })).toHaveAttribute("href", "/signin?callbackUrl=/preferences");
});

test("“Get updates by email” on an incident opens the subscribe form with that incident's services ticked", async ({ page }) => {
  await page.goto("/incidents/subscriber-data-loss");
  await page.getByRole("link", { name: "Get updates by email" }).click();
  await expect(page.getByRole("heading", { name: "Get email updates" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Only the services I choose/ })).toBeChecked();
  for (const service of ["Sync", "Contacts", "Calendar", "Notes & tasks", "Photos", "Games & high scores"]) {
    await expect(page.getByRole("checkbox", { name: service, exact: true })).toBeChecked();
  }
  await expect(page.getByRole("checkbox", { name: "Web portal" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Sign-in" })).not.toBeChecked();
});
