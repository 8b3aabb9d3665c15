// What a subscriber reads about their data (a state, a day) must agree on every surface: "My
// recovery" (its JSON), the restoration email, the public incident page and API. These tests set
// up a plan, move it through an import, a manual correction, a plan edit and the clock, and compare
// the surfaces with each other, not only each with a fixture.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db, pgPool, pgSql } from "@/lib/db";
import { listFeedEntries } from "@/lib/incidents/list-feed-entries";
import { emailDay, loadPersonalRestoration, personalLine, progressBullet } from "@/lib/notifications/templates/personal-restoration";
import { getMyRecovery } from "./get-my-recovery";
import { importBatch } from "./import-batch";
import { getPublicRestoration } from "./public-progress";
import { backfillProgressDays } from "./refresh-phase-progress";
import { reprojectOpenPlans } from "./reproject-open-plans";
import { transitionRecord } from "./transition-record";
import { updatePhase } from "./update-phase";
import { toUtcDateTimeLocal } from "./utc-datetime";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HEADER = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
const SLUGS = ["contacts", "calendar", "notes", "tasks", "photos", "high-scores"] as const;

/** An incident with the six-phase plan, contacts done and calendar running, and six subscribers. */
async function planScenario() {
  const tag = randomUUID().slice(0, 8);
  const now = Date.now();
  const staffUser = await db.user.findUniqueOrThrow({ where: { email: "support@nimbus.example" } });
  const staff = { id: staffUser.id, email: staffUser.email, role: staffUser.role };
  const incident = await db.incident.create({ data: { slug: `one-truth-${tag}`, title: `One truth ${tag}`, impact: "CRITICAL", status: "RESOLVED" } });
  const categories = await db.dataCategory.findMany({ where: { slug: { in: [...SLUGS] } } });
  const categoryId = (slug: string) => categories.find((c) => c.slug === slug)!.id;
  const planStart = now - 4 * DAY;
  await db.restorationPhase.createMany({
    data: SLUGS.map((slug, position) => ({
      incidentId: incident.id,
      categoryId: categoryId(slug),
      position,
      plannedStart: new Date(planStart + position * 2 * DAY),
      plannedEnd: new Date(planStart + (position + 1) * 2 * DAY),
      state: position === 0 ? ("DONE" as const) : position === 1 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const),
      startedAt: position <= 1 ? new Date(planStart + position * 2 * DAY) : null,
    })),
  });
  const refs = Array.from({ length: 6 }, (_, i) => `OT${tag}-${i}`);
  await db.user.createMany({ data: refs.map((ref) => ({ email: `${ref.toLowerCase()}@one-truth.test`, accountRef: ref })) });
  const users = await db.user.findMany({ where: { accountRef: { in: refs } }, orderBy: { accountRef: "asc" } });
  return { tag, staff, incident, refs, users, categoryId };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Rows that walk a record from AFFECTED to `to`, an hour apart, ending an hour ago. */
function chain(ref: string, category: string, to: "AFFECTED" | "VALIDATED" | "RESTORING" | "RESTORED" | "UNRECOVERABLE", lost = 10): string[] {
  const path = { AFFECTED: ["AFFECTED"], VALIDATED: ["AFFECTED", "RECOVERED", "VALIDATED"], RESTORING: ["AFFECTED", "RECOVERED", "VALIDATED", "RESTORING"], RESTORED: ["AFFECTED", "RECOVERED", "VALIDATED", "RESTORED"], UNRECOVERABLE: ["AFFECTED", "UNRECOVERABLE"] }[to];
  const end = Date.now() - HOUR;
  return path.map((state, i) => {
    const recovered = state === "AFFECTED" || state === "UNRECOVERABLE" ? 0 : lost;
    const restored = state === "RESTORED" ? lost : state === "RESTORING" ? 1 : 0;
    return `${ref},${category},${state},${lost},${recovered},${restored},${iso(end - (path.length - 1 - i) * HOUR)}`;
  });
}

async function importRows(slug: string, staff: { id: string; email: string; role: "SUPPORT" | "ADMIN" | "SUBSCRIBER" }, rows: string[]) {
  return importBatch({ source: { kind: "staff", actor: staff }, input: { incident: slug }, body: Readable.from([Buffer.from([HEADER, ...rows].join("\n"))]) });
}

async function seedRecords(s: Awaited<ReturnType<typeof planScenario>>) {
  const rows = s.refs.flatMap((ref, i) => [
    ...chain(ref, "contacts", "RESTORED"),
    // Calendar: two back, four coming back; the rate projects its end.
    ...chain(ref, "calendar", i < 2 ? "RESTORED" : "RESTORING"),
    ...chain(ref, "notes", "VALIDATED"),
    ...chain(ref, "tasks", "AFFECTED"),
    ...chain(ref, "photos", i === 0 ? "UNRECOVERABLE" : "AFFECTED"),
    ...chain(ref, "high-scores", "AFFECTED"),
  ]);
  const result = await importRows(s.incident.slug, s.staff, rows);
  expect(result).toMatchObject({ status: "APPLIED", rejectedRows: 0 });
}

const phases = (incidentId: number) => db.restorationPhase.findMany({ where: { incidentId }, orderBy: { position: "asc" }, include: { category: true } });

describe("one projection, the same on every surface (PostgreSQL)", () => {
  it("stores a plan-wide projection after an import: a late running phase pushes every later one", async () => {
    const s = await planScenario();
    await seedRecords(s);
    const plan = await phases(s.incident.id);
    expect(plan.map((p) => p.projectionBasis)).toEqual(["DONE", "PROGRESS", "PLAN", "PLAN", "PLAN", "PLAN"]);
    // Calendar: 2 of 6 settled after 2 days, so 4 more days; later than its plan.
    const calendar = plan[1]!;
    expect(calendar).toMatchObject({ affectedCount: 6, settledCount: 2, restoredCount: 2, restoringCount: 4, projectedLate: true });
    for (let i = 2; i < plan.length; i++) {
      expect(plan[i]!.projectedStart!.getTime()).toBeGreaterThanOrEqual(plan[i - 1]!.projectedEnd!.getTime());
      expect(plan[i]!.projectedEnd!.getTime() - plan[i]!.projectedStart!.getTime()).toBe(2 * DAY);
    }
    expect(plan[5]!).toMatchObject({ unrecoverableCount: 0, affectedCount: 6 });
    expect(plan[4]!).toMatchObject({ unrecoverableCount: 1, settledCount: 1 });

    // Contacts: every affected account is back, so the category is complete, and the feeds say so.
    expect(plan[0]!.completedAt).not.toBeNull();
    const entry = (await listFeedEntries()).find((e) => e.id === `/incidents/${s.incident.slug}/restoration/contacts`);
    expect(entry).toMatchObject({ title: `${s.incident.title} — Contacts: restoration complete`, path: `/incidents/${s.incident.slug}#restoration` });
    expect(entry!.text).toContain("back for 100% of affected accounts");
    expect((await listFeedEntries()).some((e) => e.id === `/incidents/${s.incident.slug}/restoration/calendar`)).toBe(false);

    const today = await db.restorationProgressDay.findMany({ where: { incidentId: s.incident.id, categoryId: s.categoryId("calendar") } });
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({ affectedCount: 6, restoredCount: 2, restoringCount: 4 });
  });

  it("tells a subscriber the same day and state on My recovery, in the email, and on the public page", async () => {
    const s = await planScenario();
    await seedRecords(s);
    const user = s.users[3]!;
    const now = new Date();
    const [mine] = await getMyRecovery({ id: user.id, email: user.email, role: "SUBSCRIBER" }, now);
    type JsonCategory = { category: { slug: string }; state: string; eta: { kind: string; date?: string } };
    const json = JSON.parse(JSON.stringify(mine)) as { categories: JsonCategory[] };
    const email = (await loadPersonalRestoration([{ incidentId: s.incident.id, userId: user.id }], now)).get(`${s.incident.id}:${user.id}`)!;
    const publicView = await getPublicRestoration(s.incident.id, now);

    for (const category of json.categories) {
      const mail = email.find((c) => c.slug === category.category.slug)!;
      expect(mail.state, category.category.slug).toBe(category.state);
      expect(JSON.parse(JSON.stringify(mail.eta)), category.category.slug).toEqual(category.eta);
      const pub = publicView!.categories.find((c) => c.slug === category.category.slug)!;
      if (category.eta.kind === "date") {
        // The page and the API publish the same projected end the subscriber is given.
        expect(pub.projectedEnd?.toISOString()).toBe(category.eta.date);
        expect(progressBullet(mail, now)).toContain(emailDay(new Date(category.eta.date!), now));
      }
    }
    // Calendar is coming back: "next" is notes, the earliest projected of what still waits.
    expect(mine!.comingBack).toEqual(["Calendar"]);
    expect(mine!.next?.name).toBe("Notes");
    const line = personalLine(email, now)!;
    expect(line).toContain("your calendar is coming back now");
    expect(line).toContain(`next notes, expected ${emailDay(new Date(json.categories.find((c) => c.category.slug === "notes")!.eta.date!), now)}`);
    expect(publicView!.headline).toBe("Restoring data — Calendar: back for 33% of affected accounts; 1 of 6 categories complete.");
  });

  it("stores the projection again after a manual correction and after a plan edit", async () => {
    const s = await planScenario();
    await seedRecords(s);
    const before = await phases(s.incident.id);
    const user = s.users[2]!;
    await transitionRecord({
      actor: s.staff,
      input: { userId: user.id, incidentId: s.incident.id, categoryId: s.categoryId("calendar"), expectedState: "RESTORING", toState: "RESTORED", itemsLost: 10, itemsRecovered: 10, itemsRestored: 10, note: "Confirmed on the device." },
    });
    const afterFix = await phases(s.incident.id);
    expect(afterFix[1]).toMatchObject({ settledCount: 3, restoredCount: 3, restoringCount: 3 });
    // A faster rate: calendar, and everything after it, moves earlier.
    expect(afterFix[1]!.projectedEnd!.getTime()).toBeLessThan(before[1]!.projectedEnd!.getTime());
    expect(afterFix[2]!.projectedStart!.getTime()).toBe(afterFix[1]!.projectedEnd!.getTime());

    // Staff mark notes as running in parallel with calendar: it no longer waits for it.
    const notes = afterFix[2]!;
    await updatePhase({
      actor: s.staff,
      input: { phaseId: notes.id, plannedStart: toUtcDateTimeLocal(notes.plannedStart), plannedEnd: toUtcDateTimeLocal(notes.plannedEnd), state: "NOT_STARTED", parallelWithPrevious: "on" },
    });
    const afterEdit = await phases(s.incident.id);
    expect(afterEdit[2]!.parallelWithPrevious).toBe(true);
    expect(afterEdit[2]!.projectedStart!.getTime()).toBeLessThan(afterFix[2]!.projectedStart!.getTime());
    // Tasks waits for the later of the two.
    expect(afterEdit[3]!.projectedStart!.getTime()).toBe(Math.max(afterEdit[1]!.projectedEnd!.getTime(), afterEdit[2]!.projectedEnd!.getTime()));
  });

  it("follows the clock in the worker, and fills the chart's past days from the history once", async () => {
    const s = await planScenario();
    await seedRecords(s);
    const later = new Date(Date.now() + 3 * DAY);
    await reprojectOpenPlans(pgPool(), { now: later, incidentIds: [s.incident.id] });
    const plan = await phases(s.incident.id);
    expect(plan[1]!.projectedAt!.getTime()).toBe(later.getTime());
    for (const p of plan.slice(2)) expect(p.projectedStart!.getTime()).toBeGreaterThanOrEqual(later.getTime());
    const days = await db.restorationProgressDay.findMany({ where: { incidentId: s.incident.id, categoryId: s.categoryId("contacts") }, orderBy: { day: "asc" } });
    // Today (from the import) and the day three days on (from the worker), and the history before.
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(days.at(-1)!.day.toISOString().slice(0, 10)).toBe(later.toISOString().slice(0, 10));
  });

  it("rebuilds past daily points from the history as it was at each day's end", async () => {
    const s = await planScenario();
    const user = s.users[0]!;
    const contacts = s.categoryId("contacts");
    const day = (n: number) => new Date(Date.UTC(2026, 10, 10 + n, 12));
    await db.restorationRecord.create({ data: { incidentId: s.incident.id, userId: user.id, categoryId: contacts, state: "RESTORED", itemsLost: 5, itemsRecovered: 5, itemsRestored: 5, asOf: day(2) } });
    await db.restorationEvent.createMany({
      data: [
        { incidentId: s.incident.id, userId: user.id, categoryId: contacts, toState: "AFFECTED", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, source: "SYSTEM", asOf: day(0) },
        { incidentId: s.incident.id, userId: user.id, categoryId: contacts, fromState: "AFFECTED", toState: "RECOVERED", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, source: "SYSTEM", asOf: day(1) },
        { incidentId: s.incident.id, userId: user.id, categoryId: contacts, fromState: "RECOVERED", toState: "VALIDATED", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, source: "SYSTEM", asOf: new Date(day(1).getTime() + HOUR) },
        { incidentId: s.incident.id, userId: user.id, categoryId: contacts, fromState: "VALIDATED", toState: "RESTORED", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, source: "SYSTEM", asOf: day(2) },
      ],
    });
    const client = await pgPool().connect();
    try {
      await backfillProgressDays(pgSql(client), s.incident.id, day(4));
    } finally {
      client.release();
    }
    const points = await db.restorationProgressDay.findMany({ where: { incidentId: s.incident.id, categoryId: contacts }, orderBy: { day: "asc" } });
    expect(points.map((p) => [p.day.toISOString().slice(0, 10), p.affectedCount, p.validatedCount, p.restoredCount])).toEqual([
      ["2026-11-10", 1, 0, 0],
      ["2026-11-11", 1, 1, 0],
      ["2026-11-12", 1, 0, 1],
      ["2026-11-13", 1, 0, 1],
    ]);
  });
});
