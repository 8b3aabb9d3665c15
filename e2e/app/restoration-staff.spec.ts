import { expect, test, type Locator } from "../helpers/test";
import { newStaffMember } from "../helpers/restoration";
import { createPlanIncident } from "../helpers/restoration-fixture";
import { signIn } from "../helpers/sign-in";

// Zoe Rivera (NM-100013) belongs to this spec alone; her high scores start out AFFECTED.
const INCIDENT = "Subscriber data loss after a core database failure";

async function fillCounts(card: Locator, lost: string, recovered: string, restored: string) {
  await card.getByLabel("Lost", { exact: true }).fill(lost);
  await card.getByLabel("Recovered", { exact: true }).fill(recovered);
  await card.getByLabel("Restored", { exact: true }).fill(restored);
}

test("support finds a subscriber by account reference and corrects a record with a note", async ({ page }) => {
  test.slow(); // one long journey: sign-in, search, and three saves
  const staff = await newStaffMember("SUPPORT");
  await signIn(page, staff, "/admin/restoration/subscribers");

  await page.getByLabel("Email, phone number or account reference").fill("nm-100013");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: /Zoe Rivera/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zoe Rivera" })).toBeVisible();
  await expect(page.getByText("NM-100013")).toBeVisible();

  const scores = page.getByRole("region", { name: INCIDENT }).getByRole("region", { name: "High scores" });
  const history = scores.getByRole("list").last();
  await expect(history).toContainText("Started as Affected");
  await expect(history).toContainText("System");

  await scores.getByText("Change state or counts").click();
  const note = scores.getByLabel("Note (required)");
  const save = scores.getByRole("button", { name: "Save change to High scores" });

  // Skipping validation is refused with the reason, and nothing typed is lost.
  await scores.getByLabel("New state for High scores").selectOption("RESTORED");
  await fillCounts(scores, "108", "108", "108");
  await note.fill("Trying to put the scores straight back.");
  await save.click();
  await expect(scores.getByRole("status")).toContainText("Cannot go from AFFECTED to RESTORED: data must be VALIDATED before it is restored.");
  await expect(note).toHaveValue("Trying to put the scores straight back.");
  await expect(scores.getByLabel("Restored", { exact: true })).toHaveValue("108");
  await expect(scores.getByLabel("New state for High scores")).toHaveValue("RESTORED");

  // A change without a note is refused.
  await scores.getByLabel("New state for High scores").selectOption("RECOVERED");
  await fillCounts(scores, "108", "100", "0");
  await note.fill("");
  await save.click();
  await expect(scores.getByRole("status")).toContainText("Write a note of at least 5 characters");
  await expect(note).toHaveAttribute("aria-invalid", "true");

  // A legal change with a note lands in the history, newest first.
  await note.fill("Recovered from the tape archive; 8 scores were corrupt.");
  await save.click();
  await expect(scores.getByRole("status")).toContainText("Saved (Affected → Recovered)");
  await expect(note).toHaveValue("");
  await expect(scores.getByText("Recovered", { exact: true }).first()).toBeVisible();
  const newest = history.getByRole("listitem").first();
  await expect(newest).toContainText("Affected → Recovered");
  await expect(newest).toContainText("Recovered from the tape archive; 8 scores were corrupt.");
  await expect(newest).toContainText(`Staff: ${staff}`);
  await expect(newest).toContainText("108 lost · 100 recovered · 0 restored");

  await page.reload();
  await expect(page.getByRole("region", { name: INCIDENT }).getByRole("region", { name: "High scores" }).getByRole("list").last().getByRole("listitem").first()).toContainText(
    "Recovered from the tape archive",
  );
});

test("a search that matches nobody says so", async ({ page }) => {
  const staff = await newStaffMember("SUPPORT");
  await signIn(page, staff, "/admin/restoration/subscribers?q=nobody-at-all%40example.com");
  await expect(page.getByText("Nobody found for “nobody-at-all@example.com”.")).toBeVisible();
  await page.getByLabel("Email, phone number or account reference").fill("+1 555-100-0013");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: /Zoe Rivera/ })).toBeVisible();
});

test("support reorders the plan and re-times a phase, with times in UTC", async ({ page }) => {
  const staff = await newStaffMember("SUPPORT");
  const incident = await createPlanIncident();
  await signIn(page, staff, `/admin/restoration/plan?incident=${incident.slug}`);
  await expect(page.getByRole("heading", { name: incident.title })).toBeVisible();
  await expect(page.getByText("All times are in UTC.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move Contacts earlier" })).toBeDisabled();

  await page.getByRole("button", { name: "Move Contacts later" }).click();
  await expect(page.getByRole("region", { name: "Phase 1: Calendar" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Phase 2: Contacts" })).toBeVisible();

  const calendar = page.getByRole("region", { name: "Phase 1: Calendar" });
  await calendar.getByLabel("Planned start (UTC)").fill("2026-12-02T09:00");
  await calendar.getByLabel("Planned end (UTC)").fill("2026-12-01T09:00");
  await calendar.getByLabel("State").selectOption("IN_PROGRESS");
  await calendar.getByRole("button", { name: "Save Calendar phase" }).click();
  await expect(calendar.getByText("The planned end must be after the planned start.")).toBeVisible();
  await expect(calendar.getByLabel("Planned start (UTC)")).toHaveValue("2026-12-02T09:00");
  await expect(calendar.getByLabel("State")).toHaveValue("IN_PROGRESS");

  await calendar.getByLabel("Planned end (UTC)").fill("2026-12-04T17:30");
  await calendar.getByRole("button", { name: "Save Calendar phase" }).click();
  await expect(calendar.getByText("Saved.")).toBeVisible();

  await page.reload();
  const saved = page.getByRole("region", { name: "Phase 1: Calendar" });
  await expect(saved.getByLabel("Planned start (UTC)")).toHaveValue("2026-12-02T09:00");
  await expect(saved.getByLabel("Planned end (UTC)")).toHaveValue("2026-12-04T17:30");
  await expect(saved.getByLabel("State")).toHaveValue("IN_PROGRESS");
  await expect(page.getByRole("region", { name: "Phase 3: Notes" })).toBeVisible();
});
