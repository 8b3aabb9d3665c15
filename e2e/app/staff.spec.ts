import { randomUUID } from "node:crypto";
import { expect, test } from "../helpers/test";
import { createClaimFixture } from "../helpers/claims-fixture";
import { withDb } from "../helpers/db";
import { newStaffMember } from "../helpers/restoration";
import { requestMagicLink, signIn } from "../helpers/sign-in";

test("support staff reach the staff area", async ({ page }) => {
  await signIn(page, "support@nimbus.example", "/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("support@nimbus.example · Support staff")).toBeVisible();
  await expect(page.getByRole("region", { name: "Open incidents" })).toContainText("Subscriber data loss");
});

test("an admin reaches the staff area", async ({ page }) => {
  await signIn(page, "admin@nimbus.example", "/admin");
  await expect(page.getByText("admin@nimbus.example · Administrator")).toBeVisible();
});

test("a subscriber is refused the staff area", async ({ page }) => {
  await signIn(page, "mateo.rivera4@example.com");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is for support staff" })).toBeVisible();
  await expect(page.getByText("Overview")).toHaveCount(0);
});

test("a visitor who is not signed in is sent to sign in first", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("staff who sign in without a destination land on the staff overview, not on “My recovery”", async ({ page }) => {
  const staff = await newStaffMember("SUPPORT");
  // The header's "My recovery" button sends everyone to /signin?callbackUrl=/me.
  await page.goto(await requestMagicLink(page, staff, "/me"));
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("None of your data was affected")).toHaveCount(0);
  // A staff member who opens "My recovery" on purpose still gets it.
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "My recovery" })).toBeVisible();
});

test("a subscriber who signs in without a destination lands on “My recovery”", async ({ page }) => {
  const { email } = await createClaimFixture();
  await page.goto(await requestMagicLink(page, email, ""));
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { name: "My recovery" })).toBeVisible();
});

test("recent staff actions read as sentences with people's names and what they acted on", async ({ page }) => {
  const name = `Robin Vale ${randomUUID().slice(0, 4)}`;
  const actorId = randomUUID();
  await withDb(async (c) => {
    await c.query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'SUPPORT', now())`, [actorId, `robin-${actorId.slice(0, 8)}@staff.example.com`, name]);
    // Dated a little ahead so that other tests' actions cannot push it off the short list.
    await c.query(
      `INSERT INTO "AuditLog" ("actorId", "actorEmail", action, "entityType", "entityId", "createdAt")
       SELECT $1, 'robin@staff.example.com', 'incident.edited', 'Incident', id::text, now() + interval '5 minutes' FROM "Incident" WHERE slug = 'subscriber-data-loss'`,
      [actorId],
    );
  });
  await signIn(page, await newStaffMember("SUPPORT"), "/admin");
  const actions = page.getByRole("region", { name: "Recent staff actions" });
  await expect(actions).toContainText(`${name} edited the incident “Subscriber data loss after a core database failure”`);
  await expect(actions).not.toContainText("incident.edited");
});
