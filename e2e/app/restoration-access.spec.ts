import { expect, test } from "../helpers/test";
import { signIn } from "../helpers/sign-in";

const CSV = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of\nNM-100000,contacts,AFFECTED,1,0,0,2026-11-01T00:00:00Z\n";

test("the restoration API refuses callers without a valid token", async ({ request }) => {
  const anonymous = await request.post("/api/v1/restoration/batches?incident=subscriber-data-loss", { data: CSV, headers: { "Content-Type": "text/csv" } });
  expect(anonymous.status()).toBe(401);
  const forged = await request.post("/api/v1/restoration/batches?incident=subscriber-data-loss", {
    data: CSV,
    headers: { "Content-Type": "text/csv", Authorization: `Bearer act_abcdefgh_${"x".repeat(43)}` },
  });
  expect(forged.status()).toBe(401);
  expect((await forged.json()).error.message).toMatch(/not valid or has been revoked/);
  expect((await request.get("/api/v1/restoration/batches/1/errors")).status()).toBe(401);
});

test("a signed-in subscriber cannot import, read batches or open another subscriber's records", async ({ page }) => {
  await signIn(page, "chen.rivera6@example.com");
  const upload = await page.request.post("/api/v1/restoration/batches?incident=subscriber-data-loss", {
    data: CSV,
    headers: { "Content-Type": "text/csv", "X-Requested-With": "aftercare" },
  });
  expect(upload.status()).toBe(403);
  expect((await page.request.get("/api/v1/restoration/batches/1")).status()).toBe(403);

  const other = await page.goto("/admin/restoration/subscribers/00000000-0000-0000-0000-000000000000");
  expect(other?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is for support staff" })).toBeVisible();

  await page.goto("/me");
  await expect(page.getByText("Signed in as chen.rivera6@example.com")).toBeVisible();
  await expect(page.getByText("sam.rivera@example.com")).toHaveCount(0);
});
