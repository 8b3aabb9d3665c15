import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "../helpers/test";
import { createClaimFixture } from "../helpers/claims-fixture";
import { withDb } from "../helpers/db";
import { newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

test("staff add a gift-card offer, and a refused save keeps what they typed", async ({ page }) => {
  const title = `E2E card ${randomUUID().slice(0, 8)}`;
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/claims/offers?incident=subscriber-data-loss");
  const form = page.getByRole("region", { name: "Add an offer" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description (shown to subscribers)").fill("A card for the trouble.");
  await form.getByLabel("Kind").selectOption("GIFT_CARD");
  await form.getByLabel("Value (US dollars)").fill("25");
  await form.getByLabel("Window opens (UTC)").fill("2026-11-20T09:00");
  await form.getByLabel("Window closes (UTC, optional)").fill("2026-11-19T09:00");
  await form.getByRole("button", { name: "Add offer" }).click();
  await expect(form.getByRole("status")).toHaveText("The window must close after it opens.");
  await expect(form.getByLabel("Window closes (UTC, optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await expect(form.getByLabel("Value (US dollars)")).toHaveValue("25");

  await form.getByLabel("Window closes (UTC, optional)").fill("2026-12-20T09:00");
  await form.getByRole("button", { name: "Add offer" }).click();
  await expect(form.getByRole("status")).toHaveText(`Offer “${title}” added.`);
  await expect(form.getByLabel("Title")).toHaveValue("");
  const offer = page.getByRole("listitem", { name: `Offer ${title}` });
  await expect(offer).toContainText("$25 gift card");
  await expect(offer).toContainText("Nov 20, 2026, 9:00 AM UTC – Dec 20, 2026, 9:00 AM UTC");
});

test("an admin imports gift-card codes twice: the second import only counts duplicates, and no code is shown", async ({ page }) => {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const codes = [`${tag}-AAA1`, `${tag}-BBB2`, `${tag}-CCC3`];
  await signIn(page, await newStaffMember("ADMIN"), "/admin/claims/codes");
  const form = page.getByRole("region", { name: "Import codes" });
  const { rows } = await withDb((c) =>
    c.query<{ id: number }>(`SELECT o.id FROM "CompensationOffer" o JOIN "Incident" i ON i.id = o."incidentId" WHERE i.slug = 'subscriber-data-loss' AND o.kind = 'GIFT_CARD' ORDER BY o.id LIMIT 1`),
  );
  await form.getByLabel("Gift-card offer").selectOption(String(rows[0]!.id));
  await form.getByLabel("…or paste codes, one per line").fill(["code", ...codes, "", codes[0]!].join("\n"));
  await form.getByRole("button", { name: "Import codes" }).click();
  await expect(form.getByRole("status")).toHaveText("3 codes imported, 0 duplicates already in the pool, 1 line refused.");
  await expect(form.getByRole("list", { name: "Lines not imported" })).toHaveText("Line 6: The same code is already on line 2 of this file.");

  await form.getByRole("button", { name: "Import codes" }).click();
  await expect(form.getByRole("status")).toHaveText("0 codes imported, 3 duplicates already in the pool, 1 line refused.");
  await page.reload();
  await page.getByRole("region", { name: /^Pool \$100 gift card/ }).getByText("Latest codes imported").click();
  await expect(page.getByText("…CCC3")).toBeVisible();
  for (const code of codes) await expect(page.locator("body")).not.toContainText(code);
});

test("support staff cannot open the gift-card code pool", async ({ page }) => {
  await signIn(page, await newStaffMember("SUPPORT"), "/admin");
  await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Gift codes" })).toHaveCount(0);
  await page.goto("/admin/claims/codes");
  await expect(page.getByRole("heading", { name: "This page is for administrators" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import codes" })).toHaveCount(0);
});

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFile((await file.path())!, "utf8");
}

test("staff download a service-credit export; the next export leaves those rows out, and the first can be downloaded again", async ({ page }) => {
  const accountRef = `E2E-${randomUUID().slice(0, 8)}`;
  await withDb(async (c) => {
    const userId = randomUUID();
    await c.query(`INSERT INTO "User" (id, email, role, "accountRef", "updatedAt") VALUES ($1, $2, 'SUBSCRIBER', $3, now())`, [userId, `${accountRef.toLowerCase()}@credits.example.com`, accountRef]);
    await c.query(
      `INSERT INTO "ServiceCredit" ("userId", "offerId", months) SELECT $1, o.id, 1 FROM "CompensationOffer" o JOIN "Incident" i ON i.id = o."incidentId"
       WHERE i.slug = 'subscriber-data-loss' AND o.kind = 'SERVICE_CREDIT' LIMIT 1`,
      [userId],
    );
  });
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/claims/credits");
  const first = await download(page, () => page.getByRole("button", { name: "Download new export" }).click());
  const row = first.split("\r\n").find((line) => line.startsWith(`${accountRef},`));
  expect(row).toContain(",1,automatic grant,");
  expect(row).toContain(',"One month of service, free",SC-');
  const ref = row!.split(",").at(-1)!;

  const second = await download(page, () => page.getByRole("button", { name: "Download new export" }).click());
  expect(second.startsWith("account_reference,email,months,claim_number,offer_id,offer,export_ref\r\n")).toBe(true);
  expect(second).not.toContain(accountRef);

  await page.reload();
  const past = page.getByRole("listitem", { name: `Export ${ref}` });
  await expect(past).toContainText(/\d+ rows?/);
  const again = await download(page, () => past.getByRole("link", { name: `Download again ${ref}` }).click());
  expect(again).toBe(first);

  // The download is private to the signed-in staff member, and another site cannot start an export.
  const headers = (await page.request.get(`/admin/claims/credits/export?ref=${ref}`)).headers();
  expect(headers["cache-control"]).toBe("private, no-store");
  const crossSite = await page.request.post("/admin/claims/credits/export", { headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
});

test("every claim filter fits the filter card at 1280 px, Fraud signals included", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await createClaimFixture();
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/claims");
  const form = page.getByRole("search", { name: "Filter claims" });
  const card = (await form.boundingBox())!;
  for (const label of ["Claim number, email or account reference", "Status", "Offer", "Fraud signals"]) {
    const field = (await form.getByLabel(label, { exact: true }).boundingBox())!;
    expect(field.x, `${label} starts inside the card`).toBeGreaterThanOrEqual(card.x);
    expect(field.x + field.width, `${label} ends inside the card`).toBeLessThanOrEqual(card.x + card.width);
  }
  await expect(form.getByLabel("Fraud signals")).toBeInViewport({ ratio: 1 });
});
