import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { withDb } from "../helpers/db";
import { createResolvedIncident } from "../helpers/incident-fixture";
import { waitForMail } from "../helpers/mailbox";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

/** A subscriber of this test alone whose contacts are back and whose photos are still lost. */
async function affectedSubscriber() {
  const tag = randomUUID().slice(0, 8);
  const incident = await createResolvedIncident("Email impact");
  const email = `notify-${tag}@example.com`;
  const ref = `NT-${Math.floor(Math.random() * 1e9)}`;
  const name = `Noor Tanaka ${tag}`;
  await withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(`INSERT INTO "User" (id, email, name, "accountRef", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, $3, now()) RETURNING id`, [email, name, ref]);
    await c.query(
      `INSERT INTO "RestorationRecord" ("incidentId", "userId", "categoryId", state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf")
       SELECT $1, $2, id, (CASE slug WHEN 'contacts' THEN 'RESTORED' ELSE 'AFFECTED' END)::"RestorationState", CASE slug WHEN 'contacts' THEN 315 ELSE 900 END,
              CASE slug WHEN 'contacts' THEN 312 ELSE 0 END, CASE slug WHEN 'contacts' THEN 312 ELSE 0 END, now() - interval '1 hour'
       FROM "DataCategory" WHERE slug IN ('contacts', 'photos')`,
      [incident.id, rows[0]!.id],
    );
  });
  return { tag, incident, email, ref, name };
}

test("an affected subscriber is told what an update and a restoration change mean for them", async ({ page }) => {
  test.slow(); // two emails through the real worker and SMTP sink
  const s = await affectedSubscriber();
  await signIn(page, await newStaffMember("SUPPORT"), `/admin/incidents/${s.incident.id}`);

  const posted = new Date();
  await page.getByLabel("Status", { exact: true }).selectOption("RESOLVED");
  await page.getByLabel("Message").fill(`Contacts are restored for every account ${s.tag}.`);
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText(/Update posted/)).toBeVisible();

  const update = await waitForMail(s.email, posted, /^\[Resolved\] Email impact/);
  expect(update.text).toContain("For you: your contacts are back; next and last: photos (no date yet).");
  expect(update.text).toContain(`Contacts are restored for every account ${s.tag}.`);
  expect(update.text).toMatch(/Unsubscribe: http:\/\/[^\s]+\/api\/email\/unsubscribe\?list=incidents&token=/);
  // Staff watch the delivery of their update on the same page.
  await expect(page.getByTestId("email-delivery")).toContainText(/^Email: 0 queued · [1-9]\d* sent/, { timeout: 15_000 });

  // A staff correction to one category becomes a restoration email after the coalescing window.
  await page.goto("/admin/restoration/subscribers");
  await page.getByLabel("Email, phone number or account reference").fill(s.ref);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: new RegExp(s.name) }).click();
  const photos = page.getByRole("region", { name: s.incident.title }).getByRole("region", { name: "Photos" });
  await photos.getByText("Change state or counts").click();
  await photos.getByLabel("New state for Photos").selectOption("RECOVERED");
  await photos.getByLabel("Lost", { exact: true }).fill("900");
  await photos.getByLabel("Recovered", { exact: true }).fill("880");
  await photos.getByLabel("Restored", { exact: true }).fill("0");
  await photos.getByLabel("Note (required)").fill("Recovered from the cold archive.");
  const changed = new Date();
  await photos.getByRole("button", { name: "Save change to Photos" }).click();
  await expect(photos.getByRole("status")).toContainText("Saved (Affected → Recovered)");

  const progress = await waitForMail(s.email, changed, /^Your photos: recovered and checked before restoring$/);
  expect(progress.text).toContain("Contacts: back — 312 of 315 contacts back");
  expect(progress.text).toContain("Photos: recovered, being checked — 0 of 900 photos back");
  expect(progress.text).toMatch(/Unsubscribe: http:\/\/[^\s]+\/api\/email\/unsubscribe\?list=restoration&token=/);
});
