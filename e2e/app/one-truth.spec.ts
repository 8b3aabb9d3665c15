// The journey the product exists for: the recovery pipeline reports that a subscriber's photos are
// lost and moves the calendar phase on; that subscriber then reads the same states and days on
// My recovery, in the email and on My compensation, finds the free month already applied and the
// extra offer for lost data, and the public page and API show the new aggregates.
import { expect, test, type Page } from "../helpers/test";
import type { Eta } from "../../lib/restoration/eta";
import { byDay, etaSentence } from "../../lib/restoration/eta-words";
import type { MyRecoveryJson } from "../../lib/restoration/my-recovery-api";
import { STATE_COPY } from "../../lib/restoration/state-copy";
import type { Jsonified } from "../../lib/http/json";
import { withDb } from "../helpers/db";
import { waitForMail } from "../helpers/mailbox";
import { csv, emailOf, newStaffMember, recently } from "../helpers/restoration";
import { signIn } from "../helpers/sign-in";

const SLUG = "subscriber-data-loss";
const READER_ZONE = "Pacific/Auckland";

interface PublicCategory {
  slug: string;
  projectedEnd: string | null;
  shares: { back: number; unrecoverable: number } | null;
}

async function publicRestoration(page: Page): Promise<PublicCategory[]> {
  const response = await page.request.get(`/api/v1/incidents/${SLUG}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { incident: { restoration: { categories: PublicCategory[] } } }).incident.restoration.categories;
}

/**
 * A demo subscriber no other test uses, whose photos are still being recovered (so they can turn
 * out lost) and whose calendar is checked or coming back (so it can come back), plus other
 * subscribers whose calendar can come back, to move the phase.
 */
async function pickSubscribers() {
  return withDb(async (c) => {
    const candidates = await c.query<{ ref: string; calendar: string; calendarLost: number; calendarRecovered: number; photosLost: number }>(
      `SELECT u."accountRef" AS ref, cal.state::text AS calendar, cal."itemsLost" AS "calendarLost", cal."itemsRecovered" AS "calendarRecovered", ph."itemsLost" AS "photosLost"
       FROM "User" u
       JOIN "Incident" i ON i.slug = $1
       JOIN "RestorationRecord" cal ON cal."userId" = u.id AND cal."incidentId" = i.id AND cal."categoryId" = (SELECT id FROM "DataCategory" WHERE slug = 'calendar')
       JOIN "RestorationRecord" ph ON ph."userId" = u.id AND ph."incidentId" = i.id AND ph."categoryId" = (SELECT id FROM "DataCategory" WHERE slug = 'photos')
       WHERE u."accountRef" BETWEEN 'NM-100150' AND 'NM-100199' AND cal.state IN ('VALIDATED', 'RESTORING')
         AND NOT EXISTS (SELECT 1 FROM "Claim" cl WHERE cl."userId" = u.id)
       ORDER BY u."accountRef" DESC`,
      [SLUG],
    );
    const subject = candidates.rows.find((r) => r.photosLost > 0);
    const { rows: photos } = await c.query<{ state: string }>(
      `SELECT r.state::text AS state FROM "RestorationRecord" r JOIN "User" u ON u.id = r."userId" JOIN "Incident" i ON i.id = r."incidentId"
       WHERE u."accountRef" = $1 AND i.slug = $2 AND r."categoryId" = (SELECT id FROM "DataCategory" WHERE slug = 'photos')`,
      [subject?.ref, SLUG],
    );
    if (!subject || !["AFFECTED", "RECOVERED"].includes(photos[0]?.state ?? "")) throw new Error(`No suitable demo subscriber: ${JSON.stringify(candidates.rows.slice(0, 5))}`);
    return { subject, movers: candidates.rows.filter((r) => r.ref !== subject.ref) };
  });
}

test("an import that loses photos and moves the calendar tells the subscriber the same everywhere", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { subject, movers } = await pickSubscribers();
  expect(movers.length, "calendar records that can come back").toBeGreaterThan(3);
  const before = await publicRestoration(page);
  const asOf = recently();
  // RESTORED means everything lost is back; a partial recovery comes back as PARTIAL.
  const calendarBack = (r: { ref: string; calendarLost: number; calendarRecovered: number }) =>
    r.calendarLost === r.calendarRecovered
      ? [r.ref, "calendar", "RESTORED", r.calendarLost, r.calendarLost, r.calendarLost, asOf].join(",")
      : [r.ref, "calendar", "PARTIAL", r.calendarLost, r.calendarRecovered, r.calendarRecovered, asOf].join(",");
  const rows = [[subject.ref, "photos", "UNRECOVERABLE", subject.photosLost, 0, 0, asOf].join(","), ...[subject, ...movers].map(calendarBack)];

  // Support uploads what the recovery pipeline reported.
  const since = new Date(Date.now() - 1000);
  await signIn(page, await newStaffMember("SUPPORT"), "/admin/restoration/imports");
  await page.getByLabel("Incident").selectOption(SLUG);
  await page.getByLabel("CSV file").setInputFiles({ name: "pipeline.csv", mimeType: "text/csv", buffer: Buffer.from(csv(rows)) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByRole("region", { name: "Result" })).toContainText(/Applied \(batch #\d+\)/);
  await page.context().clearCookies();

  // The public page and API show the new aggregates, at once (the import expires their cache).
  const pick = (list: PublicCategory[], slug: string) => list.find((c) => c.slug === slug)!;
  await expect.poll(async () => pick(await publicRestoration(page), "calendar").shares!.back).toBeGreaterThan(pick(before, "calendar").shares!.back);
  const after = await publicRestoration(page);
  expect(pick(after, "photos").shares!.unrecoverable).toBeGreaterThan(pick(before, "photos").shares!.unrecoverable);
  const calendarShare = Math.round(pick(after, "calendar").shares!.back * 100);
  await expect(async () => {
    await page.goto(`/incidents/${SLUG}`);
    await expect(page.getByTestId("restoration-calendar")).toContainText(`Back: ${calendarShare}%`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The subscriber, reading in their own time zone.
  const email = await emailOf(subject.ref);
  const context = await browser.newContext({ timezoneId: READER_ZONE });
  const reader = await context.newPage();
  await signIn(reader, email);
  const data = (await (await reader.request.get("/api/me/recovery")).json()) as MyRecoveryJson;
  const mine = data.incidents.find((i) => i.incident.slug === SLUG)!;
  const now = new Date();
  const byCategory = new Map(mine.categories.map((c) => [c.category.slug, c]));
  expect(byCategory.get("photos")!.state).toBe("UNRECOVERABLE");
  expect(["RESTORED", "PARTIAL"]).toContain(byCategory.get("calendar")!.state);

  // My recovery: every card states its state, and its day in the reader's zone, named.
  for (const c of mine.categories.filter((x) => x.state !== "NOT_AFFECTED")) {
    const card = reader.getByRole("listitem").filter({ has: reader.getByRole("heading", { name: c.category.name, exact: true }) });
    await expect(card).toContainText(STATE_COPY[c.state].label);
    const sentence = etaSentence(c.eta as Jsonified<Eta>, READER_ZONE, "your time", now);
    if (sentence) await expect(card).toContainText(sentence);
  }
  const photosCard = reader.getByRole("listitem").filter({ has: reader.getByRole("heading", { name: "Photos", exact: true }) });
  await expect(photosCard).toContainText("Extra $25 gift card for data we could not recover");
  await expect(photosCard.getByRole("link", { name: "Claim it" })).toHaveAttribute("href", "/claims");
  // The free month was applied by the system, with nobody pressing a button.
  await expect(reader.getByRole("region", { name: "Compensation" })).toContainText(/One month of service, free: Applied to your account on \w+ \d+, \d{4}/);

  // The email says the same states and the same days, in UTC, named.
  const mail = await waitForMail(email, since, /calendar/i);
  for (const c of mine.categories.filter((x) => x.state !== "NOT_AFFECTED")) {
    expect(mail.text).toContain(c.category.name);
    if (c.eta.kind === "date") expect(mail.text).toContain(`expected ${byDay(new Date(c.eta.date), "UTC", "UTC", now)}`);
  }
  expect(mail.text).toContain("Extra $25 gift card for data we could not recover");

  // The public projection of every open category is the day this subscriber was given.
  for (const c of mine.categories) {
    if (c.eta.kind === "date") expect(pick(after, c.category.slug).projectedEnd).toBe(c.eta.date);
  }

  // My compensation shows where the data stands, with the same days, and the extra offer to claim.
  await reader.goto("/claims");
  await reader.getByText("Where your data stands").click();
  for (const c of mine.categories.filter((x) => x.state !== "NOT_AFFECTED")) {
    const line = reader.getByTestId(`claims-recovery-${c.category.slug}`);
    await expect(line).toContainText(STATE_COPY[c.state].label.toLowerCase());
    if (c.eta.kind === "date") await expect(line).toContainText(byDay(new Date(c.eta.date), READER_ZONE, "your time", now));
  }
  await expect(reader.getByRole("main")).toContainText("Extra $25 gift card for data we could not recover");
  await context.close();
});
