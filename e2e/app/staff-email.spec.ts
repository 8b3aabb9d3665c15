import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { withDb } from "../helpers/db";
import { newSubscriber } from "../helpers/forum";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const address = (label: string) => `${label}-${randomUUID().slice(0, 10)}@email-desk.example.com`;

async function insertMessage(toEmail: string, status: string, eventRef: string | null = null, lastError: string | null = null): Promise<string> {
  const { rows } = await withDb((c) =>
    c.query<{ id: string }>(
      // Queued rows are due in an hour: the worker running beside the server must not deliver them
      // before the test has looked at them.
      `INSERT INTO "EmailOutbox" ("dedupeKey", template, "toEmail", "eventRef", payload, status, attempts, "lastError", "nextAttemptAt")
       VALUES ($1, 'subscription.confirm', $2, $3, '{}', $4::"OutboxStatus", $5, $6, now() + interval '1 hour') RETURNING id::text`,
      [`e2e:${randomUUID()}`, toEmail, eventRef, status, status === "DEAD" ? 8 : 0, lastError],
    ),
  );
  return rows[0]!.id;
}

test("staff retry a dead letter and it leaves the dead-letter list", async ({ page }) => {
  const to = address("dead");
  const id = await insertMessage(to, "DEAD", null, "421 4.7.0 Try again later");
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/email");
  await expect(page.getByRole("heading", { name: "Email", level: 1 })).toBeVisible();
  await expect(page.getByText("Worker behind by")).toBeVisible();

  await page.getByLabel("Email address (or part of it)").fill(to);
  await page.getByRole("button", { name: "Search" }).click();
  const dead = page.getByRole("region", { name: /Dead letters/ });
  const row = dead.getByRole("listitem", { name: `Message ${id} to ${to}` });
  await expect(row).toContainText("421 4.7.0 Try again later");
  await expect(row).toContainText("8 attempts");

  await row.getByRole("button", { name: `Retry message ${id} to ${to}` }).click();
  await expect(dead.getByRole("status")).toContainText(`Message ${id} to ${to} is queued again`);
  await expect(row).toHaveCount(0);
  await expect(dead).toContainText("No dead letters.");
  const { rows } = await withDb((c) => c.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM "EmailOutbox" WHERE id = $1`, [id]));
  expect(rows[0]!.status).not.toBe("DEAD");
  const audit = await withDb((c) => c.query(`SELECT 1 FROM "AuditLog" WHERE action = 'email.message.requeued' AND "entityId" = $1`, [id]));
  expect(audit.rowCount).toBe(1);
});

test("a message to a suppressed address shows why it cannot be retried until the suppression is lifted", async ({ page }) => {
  const to = address("bounced");
  await withDb((c) => c.query(`INSERT INTO "EmailSuppression" (email, reason) VALUES ($1, '550 5.1.1 user unknown')`, [to]));
  const id = await insertMessage(to, "FAILED", null, "550 5.1.1 user unknown");
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/email");
  await page.goto(`/admin/email?q=${encodeURIComponent(to)}`);

  const failed = page.getByRole("region", { name: /^Failed/ }).getByRole("listitem", { name: `Message ${id} to ${to}` });
  await expect(failed).toContainText("Address suppressed");
  await expect(failed.getByRole("button", { name: /Retry/ })).toHaveCount(0);

  const suppressions = page.getByRole("region", { name: /Suppressed addresses/ });
  const entry = suppressions.getByRole("listitem", { name: `Suppressed ${to}` });
  await expect(entry).toContainText("550 5.1.1 user unknown");
  await entry.getByText(`Lift the suppression of ${to}`).click();
  await entry.getByLabel(/Why may this address get email again/).fill("Customer fixed the mailbox, ticket 5521");
  await entry.getByRole("button", { name: `Lift suppression of ${to}` }).click();
  await expect(suppressions.getByRole("status")).toContainText(`${to} may get email again`);
  await expect(entry).toHaveCount(0);
  const { rowCount } = await withDb((c) => c.query(`SELECT 1 FROM "EmailSuppression" WHERE email = $1`, [to]));
  expect(rowCount).toBe(0);

  // With the address free again, the failed message can be retried.
  await expect(failed.getByRole("button", { name: `Retry message ${id} to ${to}` })).toBeVisible();
});

test("staff preview every template's HTML and plain-text versions", async ({ page }) => {
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/email/templates");
  const template = page.getByRole("region", { name: "subscription.confirm" });
  await expect(template).toContainText("Confirm your status updates");
  const html = template.locator('iframe[title="HTML version of subscription.confirm"]');
  await expect(html).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator('iframe[title="HTML version of subscription.confirm"]').getByText("Please confirm your subscription")).toBeVisible();
  await template.getByText("Plain-text version").click();
  const text = template.getByLabel("Plain-text version of subscription.confirm");
  await expect(text).toBeVisible();
  await expect(text).toContainText("Please confirm your subscription");
  await expect(text).toContainText("/confirm");
});

test("each update on the staff incident page shows its email delivery, live while sending", async ({ page }) => {
  const incident = await createResolvedIncident("Email counts");
  const { rows } = await withDb((c) => c.query<{ id: number }>(`SELECT id FROM "IncidentUpdate" WHERE "incidentId" = $1`, [incident.id]));
  const ref = `incident-update:${rows[0]!.id}`;
  for (const status of ["QUEUED", "QUEUED", "SENT", "DEAD", "SUPPRESSED"]) await insertMessage(address("fan"), status, ref);

  await signIn(page, await newStaffMember("SUPPORT"), `/admin/incidents/${incident.id}`);
  const delivery = page.getByTestId("email-delivery");
  await expect(delivery).toHaveText("Email: 2 queued · 1 sent · 1 failed · 1 suppressed");
  await withDb((c) => c.query(`UPDATE "EmailOutbox" SET status = 'SENT', "sentAt" = now() WHERE "eventRef" = $1 AND status = 'QUEUED'`, [ref]));
  await expect(delivery).toHaveText("Email: 0 queued · 3 sent · 1 failed · 1 suppressed");
});

test("subscribers are refused the email desk and its counts", async ({ page }) => {
  const subscriber = await newSubscriber();
  await signIn(page, subscriber.email);
  const response = await page.goto("/admin/email");
  expect(response?.status()).toBe(403);
  expect((await page.goto("/admin/email/templates"))?.status()).toBe(403);
  const counts = await page.request.get("/api/admin/email/counts?ref=incident-update:1");
  expect(counts.status()).toBe(403);
  expect(counts.headers()["cache-control"]).toContain("no-store");
});

test("support finds every email to one address, whatever became of it, to answer “did I get the email?”", async ({ page }) => {
  const to = address("caller");
  const sent = await insertMessage(to, "SENT", "incident-update:7");
  const dead = await insertMessage(to, "DEAD", null, "421 4.7.0 Try again later");
  const failed = await insertMessage(to, "FAILED", null, "550 5.1.1 user unknown");
  const skipped = await insertMessage(to, "SUPPRESSED", null, "address suppressed");
  const queued = await insertMessage(to, "QUEUED");
  await insertMessage(`other-${to}`, "SENT");
  await withDb((c) => c.query(`UPDATE "EmailOutbox" SET "sentAt" = now() WHERE id = $1`, [sent]));

  await signIn(page, await newStaffMember("SUPPORT"), "/admin/email");
  await page.getByLabel("Whole email address").fill(to.toUpperCase());
  await page.getByRole("button", { name: "Find emails" }).click();

  const list = page.getByRole("list", { name: `Messages to ${to}` });
  await expect(list.getByRole("listitem")).toHaveCount(5);
  await expect(list.getByRole("listitem", { name: `Message ${sent}: subscription.confirm, Sent` })).toContainText(/about incident-update:7.*/);
  await expect(list.getByRole("listitem", { name: `Message ${sent}: subscription.confirm, Sent` })).toContainText("sent ");
  await expect(list.getByRole("listitem", { name: `Message ${dead}: subscription.confirm, Dead letter` })).toContainText("Last error: 421 4.7.0 Try again later");
  await expect(list.getByRole("listitem", { name: `Message ${failed}: subscription.confirm, Failed` })).toContainText("550 5.1.1 user unknown");
  await expect(list.getByRole("listitem", { name: `Message ${skipped}: subscription.confirm, Not sent` })).toBeVisible();
  await expect(list.getByRole("listitem", { name: `Message ${queued}: subscription.confirm, Queued` })).toContainText("due ");
  await expect(page.getByText(`5 messages to ${to}, newest first.`)).toBeVisible();

  // The browser refuses a partial address in the box; a hand-edited link gets the server's word.
  await page.goto("/admin/email?to=email-desk.example.com");
  await expect(page.getByText("Enter a whole email address, like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Whole email address")).toHaveValue("email-desk.example.com");
});
