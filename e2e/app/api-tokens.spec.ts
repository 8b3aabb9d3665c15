import { expect, test } from "../helpers/test";
import { csv, forwardStep, newStaffMember } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

test("an admin creates a token the pipeline can post with, and revoking it stops the next post", async ({ page: admin, request }) => {
  const name = `e2e pipeline ${Date.now()}`;
  await signIn(admin, await newStaffMember("ADMIN"), "/admin/tokens");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByRole("button", { name: "Create token" }).click();
  await expect(admin.getByText("it will not be shown again")).toBeVisible();
  const secret = await admin.getByLabel(`Token for “${name}”`).inputValue();
  expect(secret).toMatch(/^act_[A-Za-z0-9_-]{8}_/);
  const item = admin.getByRole("listitem", { name: `Token ${name}` });
  await expect(item).toContainText(`act_${secret.slice(4, 12)}_…`);
  await expect(item).toContainText("Never used");

  const url = "/api/v1/restoration/batches?incident=subscriber-data-loss&mode=all_or_nothing&filename=pipeline.csv";
  const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "text/csv" };
  const step = await forwardStep("NM-100033");
  const applied = await request.post(url, { headers: { ...headers, "Idempotency-Key": `run-${Date.now()}` }, data: Buffer.from(csv([step.row])) });
  expect(applied.status()).toBe(201);
  expect(await applied.json()).toMatchObject({ status: "APPLIED", changedRows: 1 });

  await admin.reload();
  await expect(item).toContainText("Last used");
  await item.getByRole("button", { name: "Revoke…" }).click();
  await item.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(item).toContainText("Revoked");
  await expect(item.getByRole("button", { name: "Revoke…" })).toHaveCount(0);

  const refused = await request.post(url, { headers, data: Buffer.from(csv([(await forwardStep("NM-100033")).row])) });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });

  await admin.goto("/admin/restoration/imports?incident=subscriber-data-loss");
  await expect(admin.getByRole("region", { name: "Recent batches" })).toContainText(`API token “${name}”`);
});

test("support staff cannot open the API tokens page", async ({ page: support }) => {
  await signIn(support, await newStaffMember("SUPPORT"), "/admin");
  const response = await support.goto("/admin/tokens");
  expect(response?.status()).toBe(403);
  await expect(support.getByRole("heading", { name: "This page is for administrators" })).toBeVisible();
  await expect(support.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await support.goto("/admin");
  await expect(support.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "API tokens" })).toHaveCount(0);
});
