import { expect, test } from "../helpers/test";
import { STATE_COPY } from "../../lib/restoration/state-copy";
import { withDb } from "../helpers/db";
import { emailOf, recordsOf } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

// One demo subscriber per test: tests run in parallel, and each signs in by its own magic link.
const categoryName = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, " ");

test("signed out, the page goes straight to sign-in and its data answers 401", async ({ request }) => {
  const page = await request.get("/me", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toBe("/signin?callbackUrl=%2Fme");
  const data = await request.get("/api/me/recovery");
  expect(data.status()).toBe(401);
  expect(data.headers()["cache-control"]).toBe("private, no-store");
  expect((await data.json()).error.code).toBe("UNAUTHORIZED");
});

test("the data is the signed-in subscriber's own, whatever the request says", async ({ page }) => {
  const REF = "NM-100051";
  const email = await emailOf(REF);
  const other = await withDb(async (c) => (await c.query<{ id: string }>(`SELECT id FROM "User" WHERE "accountRef" = 'NM-100052'`)).rows[0]!.id);
  await signIn(page, email);
  for (const query of ["", `?userId=${other}`, `?user=${other}&accountRef=NM-100052`]) {
    const response = await page.request.get(`/api/me/recovery${query}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    const body = await response.json();
    expect(body.user.email).toBe(email);
    const states = body.incidents.find((i: { incident: { slug: string } }) => i.incident.slug === "subscriber-data-loss").categories.map((c: { category: { slug: string }; state: string }) => [c.category.slug, c.state]);
    expect(states).toEqual((await recordsOf(REF)).map((r) => [r.category, r.state]));
  }
});

test("an open page shows a change as soon as it checks for news, without a reload", async ({ page }) => {
  const REF = "NM-100053";
  const email = await emailOf(REF);
  const record = (await recordsOf(REF)).find((r) => r.state === "AFFECTED" || r.state === "RECOVERED");
  if (!record) throw new Error(`${REF} has no record to move forward`);
  const to = record.state === "AFFECTED" ? "RECOVERED" : "VALIDATED";
  await signIn(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: categoryName(record.category), exact: true }) });
  await expect(card).toContainText(STATE_COPY[record.state].label);

  await withDb((c) =>
    c.query(
      `UPDATE "RestorationRecord" r SET state = $3::"RestorationState", "itemsRecovered" = r."itemsLost", "asOf" = now()
       FROM "User" u, "DataCategory" cat WHERE u.id = r."userId" AND cat.id = r."categoryId" AND u."accountRef" = $1 AND cat.slug = $2`,
      [REF, record.category, to],
    ),
  );
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(card).toContainText(STATE_COPY[to].label);
  expect(page.url()).toMatch(/\/me$/);
});

test("when the data cannot be loaded the page says so and offers to try again", async ({ page }) => {
  await signIn(page, await emailOf("NM-100054"));
  await expect(page.getByRole("button", { name: "Check now" })).toBeVisible();
  await page.route("**/api/me/recovery", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Check now" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "We could not reach the server" });
  await expect(alert).toContainText("We could not reach the server. Check your connection and try again.");
  await expect(alert).toContainText("What you see below was current at");
  await page.unroute("**/api/me/recovery");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByText(/^Updated .* UTC; this page checks for news every minute\.$/)).toBeVisible();
});
