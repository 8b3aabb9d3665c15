import { expect, test, type Page } from "../helpers/test";
import { csv, newStaffMember, recently } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
}

test("the import page and its error table fit a phone screen", async ({ page }) => {
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/restoration/imports?incident=subscriber-data-loss");
  await expectNoSidewaysScroll(page);
  const rows = [`NM-999901,photos,RECOVERED,1200,1200,0,${recently()}`, `NM-100015,contacts,RESTORED,10,10,10,2999-01-01T00:00:00Z`];
  await page.getByLabel("CSV file").setInputFiles({ name: "phone-upload.csv", mimeType: "text/csv", buffer: Buffer.from(csv(rows)) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText("Rejected — nothing applied");
  await expect(result).toContainText("unknown subscriber reference");
  await expect(result).toContainText("as_of is in the future");
  await expectNoSidewaysScroll(page);
  const upload = await page.getByRole("button", { name: "Upload and import" }).boundingBox();
  expect(upload?.height ?? 0).toBeGreaterThanOrEqual(44);
});

test("the API tokens page fits a phone screen", async ({ page }) => {
  await signIn(page, await newStaffMember("ADMIN"), "/admin/tokens");
  await page.getByLabel("Name", { exact: true }).fill("Phone-size check");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  await expectNoSidewaysScroll(page);
});
