// The demo scenario, modelled on the reference incident: a core database and its backup fail,
// a minority of subscribers lose everything, data is validated and restored category by category.
// Idempotent: every piece is keyed by a natural unique value and only created when missing.
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { ComponentStatus, IncidentStatus, RestorationState } from "../../lib/generated/prisma/enums";
import { grantOpenedOffers } from "../../lib/claims/grant-opened-offers";
import { pgPool, txSql } from "../../lib/db";
import { backfillProgressDays, recountPhaseProgress } from "../../lib/restoration/refresh-phase-progress";
import { seedGiftCodePools } from "./gift-codes";
import { seedForum } from "./forum";
import { seedHistory } from "./history";
import { STATE_MIX } from "./mix";
import { createRandom } from "./random";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const DEMO_STAFF = { support: "support@nimbus.example", admin: "admin@nimbus.example" } as const;
export const DEMO_SUBSCRIBER = "sam.rivera@example.com";
export const DEMO_INCIDENT_SLUG = "subscriber-data-loss";

const GROUPS = [
  { name: "Your data", position: 0 },
  { name: "Access", position: 1 },
];

const COMPONENTS: { slug: string; name: string; group: string; description: string; status: ComponentStatus }[] = [
  { slug: "sync", name: "Sync", group: "Your data", description: "Keeps your phone and our servers in step.", status: "PARTIAL_OUTAGE" },
  { slug: "contacts", name: "Contacts", group: "Your data", description: "Your address book.", status: "OPERATIONAL" },
  { slug: "calendar", name: "Calendar", group: "Your data", description: "Events and reminders.", status: "DEGRADED" },
  { slug: "notes-tasks", name: "Notes & tasks", group: "Your data", description: "Notes and to-do lists.", status: "DEGRADED" },
  { slug: "photos", name: "Photos", group: "Your data", description: "Photo backup and albums.", status: "PARTIAL_OUTAGE" },
  { slug: "games", name: "Games & high scores", group: "Your data", description: "Saved games and high scores.", status: "DEGRADED" },
  { slug: "web-portal", name: "Web portal", group: "Access", description: "Your account on the web.", status: "OPERATIONAL" },
  { slug: "sign-in", name: "Sign-in", group: "Access", description: "Signing in on phone and web.", status: "OPERATIONAL" },
];

export const CATEGORIES = [
  { slug: "contacts", name: "Contacts", itemNoun: "contacts", position: 0 },
  { slug: "calendar", name: "Calendar", itemNoun: "calendar events", position: 1 },
  { slug: "notes", name: "Notes", itemNoun: "notes", position: 2 },
  { slug: "tasks", name: "Tasks", itemNoun: "tasks", position: 3 },
  { slug: "photos", name: "Photos", itemNoun: "photos", position: 4 },
  { slug: "high-scores", name: "High scores", itemNoun: "high scores", position: 5 },
] as const;

const UPDATES: { hoursAfterStart: number; status: IncidentStatus; body: string }[] = [
  {
    hoursAfterStart: 1,
    status: "INVESTIGATING",
    body: "Some subscribers are seeing empty contact lists, calendars and photo albums after syncing. We have paused sync for everyone so that nothing more is overwritten while we investigate. **Please do not reset your phone or remove the battery** — the data still on your device may help us.",
  },
  {
    hoursAfterStart: 9,
    status: "IDENTIFIED",
    body: "A failure in our core database destroyed subscriber data, and the same failure damaged the backup that should have protected it. A minority of subscribers are affected, but for them everything stored with us is missing: contacts, calendar, notes, tasks, photos and game high scores. We are working with our storage vendor to recover the data.",
  },
  {
    hoursAfterStart: 52,
    status: "IDENTIFIED",
    body: "Good news: we have recovered most of the lost data from the damaged backup. Before anything goes back to your phone, we are **validating the recovered data and the restoration plan**, so that we never restore something incomplete or corrupt over what you have now.",
  },
  {
    hoursAfterStart: 100,
    status: "IDENTIFIED",
    body: "Validation passed for contacts. We will restore data category by category, **personal contacts first**, then calendar, notes, tasks, photos and high scores. Sign in to *My recovery* to see exactly where each of your categories stands and when to expect it.",
  },
  {
    hoursAfterStart: 150,
    status: "MONITORING",
    body: "Contacts have been restored for almost every affected subscriber. A small number of address books could only be partly recovered; if that is you, *My recovery* shows how many contacts came back. Calendar restoration has started.",
  },
  {
    hoursAfterStart: 230,
    status: "MONITORING",
    body: "Calendar restoration is well under way and notes passed validation. Every affected subscriber gets **one month of service free**, applied to their account automatically (no action needed), and can claim a **$100 gift card** from the compensation desk. If some of your data could not be recovered, you can also claim an **extra $25 gift card**. We are sorry.",
  },
];

const FORWARD: RestorationState[] = ["AFFECTED", "RECOVERED", "VALIDATED", "RESTORING"];

/** The states a record passed through to reach `state`, in order (the validation gate included). */
function pathTo(state: RestorationState): RestorationState[] {
  switch (state) {
    case "NOT_AFFECTED":
      return ["NOT_AFFECTED"];
    case "UNRECOVERABLE":
      return ["AFFECTED", "UNRECOVERABLE"];
    case "RESTORED":
    case "PARTIAL":
      return [...FORWARD, state];
    default:
      return FORWARD.slice(0, FORWARD.indexOf(state) + 1);
  }
}

const FIRST = ["Sam", "Alex", "Jordan", "Priya", "Mateo", "Aisha", "Chen", "Olivia", "Noah", "Fatima", "Lukas", "Maria", "Kenji", "Zoe", "Omar", "Ines", "Tom", "Nadia", "Ravi", "Elena"];
const LAST = ["Rivera", "Kim", "Patel", "Okafor", "Schmidt", "Nguyen", "Garcia", "Haddad", "Novak", "Silva", "Brown", "Kowalski", "Tanaka", "Dubois", "Ahmed", "Jensen", "Rossi", "Moreau", "Singh", "Lopez"];

export async function seedDemo(db: PrismaClient, { subscribers = 200, now = new Date() } = {}) {
  const random = createRandom(2009);
  const startedAt = new Date(now.getTime() - 11 * DAY);

  // Staff
  await db.user.upsert({ where: { email: DEMO_STAFF.support }, update: {}, create: { email: DEMO_STAFF.support, name: "Riley (Support)", role: "SUPPORT" } });
  await db.user.upsert({ where: { email: DEMO_STAFF.admin }, update: {}, create: { email: DEMO_STAFF.admin, name: "Morgan (Admin)", role: "ADMIN" } });
  const support = await db.user.findUniqueOrThrow({ where: { email: DEMO_STAFF.support } });

  // Components
  for (const group of GROUPS) await db.componentGroup.upsert({ where: { name: group.name }, update: {}, create: group });
  const groups = new Map((await db.componentGroup.findMany()).map((g) => [g.name, g.id]));
  for (const [position, c] of COMPONENTS.entries()) {
    await db.component.upsert({
      where: { slug: c.slug },
      update: {},
      // In service long before the 90 days the status page's history covers.
      create: { slug: c.slug, name: c.name, description: c.description, status: c.status, position, groupId: groups.get(c.group) ?? null, createdAt: new Date(now.getTime() - 2 * 365 * DAY) },
    });
  }
  const components = new Map((await db.component.findMany()).map((c) => [c.slug, c.id]));

  // Data categories
  for (const category of CATEGORIES) await db.dataCategory.upsert({ where: { slug: category.slug }, update: {}, create: category });
  const categories = await db.dataCategory.findMany({ orderBy: { position: "asc" } });

  // Subscribers: the first one is the documented demo account.
  const people = Array.from({ length: subscribers }, (_, i) => {
    const first = i === 0 ? "Sam" : FIRST[i % FIRST.length]!;
    const last = i === 0 ? "Rivera" : LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const email = i === 0 ? DEMO_SUBSCRIBER : `${first}.${last}${i}@example.com`.toLowerCase();
    return {
      email,
      name: `${first} ${last}`,
      role: "SUBSCRIBER" as const,
      accountRef: `NM-${String(100000 + i)}`,
      phone: `+1555${String(1000000 + i).slice(-7)}`,
    };
  });
  await db.user.createMany({ data: people, skipDuplicates: true });
  const users = await db.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } });
  const userByEmail = new Map(users.map((u) => [u.email, u.id]));

  // Resolved incidents and completed maintenance from the months before, for history.
  await seedHistory(db, { now, authorId: support.id });

  // The data-loss incident.
  let incident = await db.incident.findUnique({ where: { slug: DEMO_INCIDENT_SLUG } });
  if (!incident) {
    const latest = UPDATES[UPDATES.length - 1]!;
    incident = await db.incident.create({
      data: {
        slug: DEMO_INCIDENT_SLUG,
        title: "Subscriber data loss after a core database failure",
        impact: "CRITICAL",
        status: latest.status,
        startedAt,
        components: {
          create: COMPONENTS.filter((c) => c.group === "Your data").map((c) => ({ componentId: components.get(c.slug)!, status: c.status })),
        },
        updates: {
          create: UPDATES.map((u) => ({ status: u.status, body: u.body, authorId: support.id, createdAt: new Date(startedAt.getTime() + u.hoursAfterStart * HOUR) })),
        },
      },
    });

    // The plan: contacts first, then calendar, notes, tasks, photos and high scores.
    const phaseStart = startedAt.getTime() + 100 * HOUR;
    await db.restorationPhase.createMany({
      data: categories.map((category, position) => ({
        incidentId: incident!.id,
        categoryId: category.id,
        position,
        plannedStart: new Date(phaseStart + position * 2 * DAY),
        plannedEnd: new Date(phaseStart + (position * 2 + 2) * DAY),
        state: position === 0 ? "DONE" : position === 1 ? "IN_PROGRESS" : "NOT_STARTED",
        // Contacts ran to plan; calendar started on time and is still going.
        startedAt: position <= 1 ? new Date(phaseStart + position * 2 * DAY) : null,
        completedAt: position === 0 ? new Date(phaseStart + 2 * DAY) : null,
      })),
    });

    await db.compensationOffer.createMany({
      data: [
        {
          incidentId: incident.id,
          kind: "SERVICE_CREDIT",
          title: "One month of service, free",
          description: "Every affected subscriber gets their next month free. No action needed.",
          months: 1,
          eligibility: "ANY_AFFECTED",
          mode: "AUTOMATIC",
          opensAt: new Date(startedAt.getTime() + 230 * HOUR),
        },
        {
          incidentId: incident.id,
          kind: "GIFT_CARD",
          title: "$100 gift card",
          description: "A $100 gift card for any affected subscriber who claims it before the window closes.",
          valueCents: 10_000,
          eligibility: "ANY_AFFECTED",
          mode: "CLAIM",
          opensAt: new Date(startedAt.getTime() + 230 * HOUR),
          closesAt: new Date(now.getTime() + 60 * DAY),
        },
        {
          incidentId: incident.id,
          kind: "GIFT_CARD",
          title: "Extra $25 gift card for data we could not recover",
          description: "If any of your data could not be recovered, or came back only in part, claim an extra $25 gift card on top of the $100 one.",
          valueCents: 2_500,
          eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL",
          mode: "CLAIM",
          opensAt: new Date(startedAt.getTime() + 230 * HOUR),
          closesAt: new Date(now.getTime() + 60 * DAY),
        },
      ],
    });

    await seedForum(db, incident.id, support.id, [...userByEmail.values()], startedAt);
  }

  // Restoration records and their history, only for subscribers who have none yet.
  const existing = new Set(
    (await db.restorationRecord.findMany({ where: { incidentId: incident.id }, select: { userId: true }, distinct: ["userId"] })).map((r) => r.userId),
  );
  const records: Prisma.RestorationRecordCreateManyInput[] = [];
  const events: Prisma.RestorationEventCreateManyInput[] = [];
  for (const person of people) {
    const userId = userByEmail.get(person.email);
    if (!userId || existing.has(userId)) continue;
    for (const category of categories) {
      const slug = category.slug as keyof typeof STATE_MIX;
      // The demo account shows every interesting state at once.
      const state: RestorationState =
        person.email === DEMO_SUBSCRIBER
          ? (["RESTORED", "RESTORING", "VALIDATED", "RECOVERED", "AFFECTED", "UNRECOVERABLE"] as const)[category.position]!
          : random.weighted(STATE_MIX[slug]);
      const lost = state === "NOT_AFFECTED" ? 0 : slug === "photos" ? random.int(20, 2400) : random.int(5, 400);
      const recovered = ["AFFECTED", "NOT_AFFECTED", "UNRECOVERABLE"].includes(state) ? 0 : state === "PARTIAL" ? Math.floor(lost * 0.7) : lost;
      const restored = state === "RESTORED" ? lost : state === "PARTIAL" ? recovered : state === "RESTORING" ? Math.floor(recovered * random.next()) : 0;
      const steps = pathTo(state);
      const firstAt = startedAt.getTime() + 9 * HOUR;
      const span = now.getTime() - HOUR - firstAt;
      const times = steps.map((_, i) => new Date(firstAt + Math.floor((span * i) / Math.max(1, steps.length - 1 + random.next()))));
      records.push({ incidentId: incident.id, userId, categoryId: category.id, state, itemsLost: lost, itemsRecovered: recovered, itemsRestored: restored, asOf: times[times.length - 1]!, updatedAt: times[times.length - 1]! });
      steps.forEach((step, i) => {
        const done = i === steps.length - 1;
        events.push({
          incidentId: incident!.id,
          userId,
          categoryId: category.id,
          fromState: i === 0 ? null : steps[i - 1]!,
          toState: step,
          itemsLost: lost,
          itemsRecovered: done || ["VALIDATED", "RESTORING"].includes(step) ? recovered : step === "RECOVERED" ? recovered : 0,
          itemsRestored: done ? restored : 0,
          source: "SYSTEM",
          asOf: times[i]!,
          createdAt: times[i]!,
        });
      });
    }
  }
  if (records.length) {
    await db.restorationRecord.createMany({ data: records, skipDuplicates: true });
    for (let i = 0; i < events.length; i += 5000) await db.restorationEvent.createMany({ data: events.slice(i, i + 5000) });
  }

  await db.$transaction(async (tx) => {
    await recountPhaseProgress(txSql(tx), incident!.id, now);
    // The public progress chart starts with the incident, not with the seed.
    await backfillProgressDays(txSql(tx), incident!.id, now);
  });

  // The free month is automatic: the worker's own step grants it (and queues the emails), exactly
  // as it would for an offer opening in production. Seeding again finds it applied.
  await grantOpenedOffers(pgPool(), { incidentId: incident.id });
  // Gift-card codes for the claim offers, through the admin's import (encrypted, idempotent).
  await seedGiftCodePools(db, { incidentId: incident.id, adminEmail: DEMO_STAFF.admin });

  await db.updateTemplate.upsert({
    where: { name: "Restoration progress" },
    update: {},
    create: {
      name: "Restoration progress",
      status: "MONITORING",
      body: "Restoration of **{category}** is under way. Sign in to *My recovery* to see where your own data stands.",
    },
  });

  const upcoming = await db.maintenance.findUnique({ where: { slug: "backup-verification-upgrade" } });
  if (!upcoming) {
    const start = new Date(Math.ceil((now.getTime() + 3 * DAY) / HOUR) * HOUR);
    await db.maintenance.create({
      data: {
        slug: "backup-verification-upgrade",
        title: "Backup verification upgrade",
        body: "We are moving to a more resilient backup process in which every backup is restore-tested before it is trusted. Sync may pause for up to 30 minutes.",
        scheduledStart: start,
        scheduledEnd: new Date(start.getTime() + 2 * HOUR),
        components: { create: [{ componentId: components.get("sync")! }] },
      },
    });
  }

  return { incidentId: incident.id, subscribers: people.length, recordsCreated: records.length };
}
