import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "../helpers/test";
import { STATE_COPY } from "../../lib/restoration/state-copy";
import { csv, emailOf, forwardStep, newStaffMember, recordsOf, stepForward } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const PAGE = "/admin/restoration/imports";

/** Signs in as a new support member and opens the import page on the demo incident. */
async function openImportPage(page: Page) {
  await signIn(page, await newStaffMember("SUPPORT"), PAGE);
  await page.getByLabel("Incident").selectOption("subscriber-data-loss");
  await expect(page.getByRole("region", { name: "Recent batches" })).toContainText("Subscriber data loss");
}

async function upload(page: Page, name: string, body: string, mimeType = "text/csv") {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType, buffer: Buffer.from(body) });
  await page.getByRole("button", { name: "Upload and import" }).click();
}

const count = (result: Locator, label: string) => result.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
const categoryName = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, " ");

test("support uploads progress with a visible upload bar, and the subscriber sees it on My recovery", async ({ page }) => {
  const step = await forwardStep("NM-100011");
  // Older copies of the record make the file big enough to watch the upload; they are skipped as stale.
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const { category, state, lost, recovered, restored } = step.record;
  const padding = Array.from({ length: 6000 }, () => ["NM-100011", category, state, lost, recovered, restored, monthAgo].join(","));
  await openImportPage(page);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 120 * 1024 });
  await upload(page, "nm-100011.csv", csv([...padding, step.row]));
  await expect(page.getByText(/^Uploading… \d+%$/)).toBeVisible();
  await expect(page.getByText(/^\d\.\d\d MB of 0\.\d\d MB$/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText(/Applied \(batch #\d+\)/);
  await expect(count(result, "Rows")).toHaveText("6,001");
  await expect(count(result, "Stale")).toHaveText("6,000");
  await expect(count(result, "Changed")).toHaveText("1");
  await expect(page.getByRole("region", { name: "Recent batches" }).getByRole("listitem").filter({ hasText: "nm-100011.csv" })).toContainText("Applied");
  expect((await recordsOf("NM-100011")).find((r) => r.category === category)?.state).toBe(step.to);

  await page.context().clearCookies();
  await signIn(page, await emailOf("NM-100011"));
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: categoryName(category), exact: true }) });
  await expect(card).toContainText(STATE_COPY[step.to].label);
});

test("a file with a row that skips validation is rejected whole, with the errors and a report to download", async ({ page }) => {
  const records = await recordsOf("NM-100031");
  const illegal = records.find((r) => ["AFFECTED", "RECOVERED", "NOT_AFFECTED"].includes(r.state));
  const legal = records.filter((r) => r !== illegal).map((r) => ({ record: r, step: stepForward("NM-100031", r) })).find((s) => s.step);
  if (!illegal || !legal?.step) throw new Error(`NM-100031 has no suitable records: ${JSON.stringify(records)}`);
  const lost = Math.max(illegal.lost, 5);
  const asOf = new Date(Date.now() - 60_000).toISOString();
  await openImportPage(page);
  await upload(page, "skips-validation.csv", csv([legal.step.row, ["NM-100031", illegal.category, "RESTORED", lost, lost, lost, asOf].join(",")]));

  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText("Rejected — nothing applied");
  await expect(count(result, "Valid")).toHaveText("1");
  await expect(count(result, "Rejected")).toHaveText("1");
  await expect(count(result, "Changed")).toHaveText("0");
  const row = result.getByRole("row").filter({ hasText: "NM-100031" });
  await expect(row).toContainText("3");
  await expect(row).toContainText(illegal.category);
  await expect(row).toContainText(`cannot go from ${illegal.state} to RESTORED: data must be VALIDATED`);

  const download = page.waitForEvent("download");
  await result.getByRole("link", { name: "Download the full error report (CSV)" }).click();
  const report = await readFile(await (await download).path(), "utf8");
  expect(report).toMatch(new RegExp(`^line,subscriber_ref,category,error\\n3,"NM-100031","${illegal.category}","cannot go from`));
  expect((await recordsOf("NM-100031")).find((r) => r.category === legal.record.category)?.state, "the valid row was not applied").toBe(legal.record.state);
});

test("the same file uploaded twice is applied once, then reported as already applied", async ({ page }) => {
  const step = await forwardStep("NM-100032");
  const body = csv([step.row]);
  await openImportPage(page);
  await upload(page, "twice.csv", body);
  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText(/Applied \(batch #(\d+)\)/);
  const batch = /#(\d+)/.exec((await result.getByText(/Applied \(batch #\d+\)/).textContent()) ?? "")?.[1];

  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(result).toContainText(`Already applied earlier (batch #${batch})`);
  await expect(result).toContainText("nothing changed this time");
  await expect(count(result, "Changed")).toHaveText("0");
});

test("the form checks the file first and keeps every choice when the server refuses", async ({ page }) => {
  await openImportPage(page);
  // Scoped to the form: Next.js keeps a route announcer with the alert role on every page.
  const alert = page.getByRole("form", { name: "Upload a file" }).getByRole("alert");
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(alert).toHaveText("Choose a CSV file first.");
  await upload(page, "progress.xlsx", "not a csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  await expect(alert).toContainText("“progress.xlsx” is not a CSV file");

  await page.getByLabel(/Apply valid rows/).check();
  await page.getByLabel("Batch key (optional)").fill("nightly-run-7");
  await page.context().clearCookies();
  await upload(page, "progress.csv", csv([(await forwardStep("NM-100034")).row]));
  await expect(alert).toContainText("Your session has ended");
  await expect(page.getByLabel(/Apply valid rows/)).toBeChecked();
  await expect(page.getByLabel("Batch key (optional)")).toHaveValue("nightly-run-7");
  await expect(page.getByText("progress.csv · 1 KB")).toBeVisible();
});

test("a batch key already applied with another file is refused, naming the earlier batch, and nothing of the new file is applied", async ({ page }) => {
  const first = await forwardStep("NM-100036");
  const second = await forwardStep("NM-100037");
  const key = `e2e-reused-${Date.now()}`;
  await openImportPage(page);
  await page.getByLabel("Batch key (optional)").fill(key);
  await upload(page, "first.csv", csv([first.row]));
  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText(/Applied \(batch #(\d+)\)/);
  const batch = /#(\d+)/.exec((await result.getByText(/Applied \(batch #\d+\)/).textContent()) ?? "")?.[1];

  await page.getByLabel("Batch key (optional)").fill(key);
  await upload(page, "second.csv", csv([second.row]));
  const alert = page.getByRole("form", { name: "Upload a file" }).getByRole("alert");
  await expect(alert).toHaveText(`Idempotency key "${key}" was already used for batch #${batch} with a different file; nothing was applied. Use a new batch key for a different file.`);
  expect((await recordsOf("NM-100037")).find((r) => r.category === second.record.category)?.state).toBe(second.record.state);
});
