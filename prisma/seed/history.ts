// The quieter months before the data-loss incident: a few short, resolved incidents and completed
// maintenance spread over the last 90 days, so the status page's history bars have a past to show.
// Idempotent: each incident and maintenance is keyed by its slug and only created when missing.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { ComponentStatus, IncidentImpact } from "../../lib/generated/prisma/enums";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface PastIncident {
  slug: string;
  title: string;
  impact: IncidentImpact;
  /** Start, as days before now and a UTC time of day (null: exactly that many days before now). */
  daysAgo: number;
  at: [hour: number, minute: number] | null;
  minutes: number;
  components: { slug: string; status: ComponentStatus }[];
  updates: [investigating: string, resolved: string];
}

const INCIDENTS: PastIncident[] = [
  {
    slug: "calendar-reminders-late",
    title: "Calendar reminders arriving late",
    impact: "MINOR",
    daysAgo: 78,
    at: [14, 5],
    minutes: 195,
    components: [{ slug: "calendar", status: "DEGRADED" }],
    updates: ["Some calendar reminders are arriving up to 20 minutes late. Your events are safe.", "Reminders are on time again; a stuck delivery queue has been cleared."],
  },
  {
    slug: "sign-in-errors-android",
    title: "Sign-in failing for some Android phones",
    impact: "MAJOR",
    daysAgo: 57,
    at: [22, 40],
    minutes: 170,
    components: [{ slug: "sign-in", status: "PARTIAL_OUTAGE" }],
    updates: ["Some Android phones cannot sign in and see “Something went wrong”. Phones that are already signed in are not affected.", "Sign-in works again on every phone. An expired certificate on one sign-in server was replaced."],
  },
  {
    slug: "delayed-photo-uploads",
    title: "Delayed photo uploads",
    impact: "MINOR",
    daysAgo: 40,
    at: null,
    minutes: 300,
    components: [{ slug: "photos", status: "DEGRADED" }],
    updates: ["Photo uploads are taking longer than usual. No photos are lost; they wait on your phone until they can upload.", "Uploads are back to normal and the backlog has cleared."],
  },
  {
    slug: "web-portal-unavailable",
    title: "Web portal unavailable",
    impact: "MAJOR",
    daysAgo: 33,
    at: [9, 12],
    minutes: 47,
    components: [{ slug: "web-portal", status: "MAJOR_OUTAGE" }],
    updates: ["The web portal is not loading. The apps on your phone keep working.", "The web portal is back. A faulty configuration change was rolled back."],
  },
  {
    slug: "slow-contact-sync",
    title: "Slow contact sync",
    impact: "MINOR",
    daysAgo: 19,
    at: [7, 30],
    minutes: 130,
    components: [
      { slug: "contacts", status: "DEGRADED" },
      { slug: "sync", status: "DEGRADED" },
    ],
    updates: ["Changes to contacts are taking several minutes to reach your other devices.", "Contact changes sync within seconds again."],
  },
];

const MAINTENANCES = [
  {
    slug: "database-failover-drill",
    title: "Database failover drill",
    body: "We are practising a switch to our standby database. Sync may pause for a few minutes.",
    daysAgo: 64,
    at: [2, 0] as const,
    minutes: 90,
    components: ["sync", "contacts", "calendar", "notes-tasks", "photos", "games"],
  },
  {
    slug: "sign-in-certificate-rotation",
    title: "Sign-in certificate rotation",
    body: "We are renewing the certificates our sign-in servers use. Signing in may take a second try.",
    daysAgo: 26,
    at: [2, 0] as const,
    minutes: 45,
    components: ["sign-in", "web-portal"],
  },
];

export async function seedHistory(db: PrismaClient, { now, authorId }: { now: Date; authorId: string }): Promise<void> {
  const components = new Map((await db.component.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const componentId = (slug: string) => {
    const id = components.get(slug);
    if (id === undefined) throw new Error(`Demo component ${slug} is missing`);
    return id;
  };
  const startOf = (daysAgo: number, at: readonly [number, number] | null) =>
    at ? new Date(Math.floor(now.getTime() / DAY) * DAY - daysAgo * DAY + at[0] * HOUR + at[1] * MINUTE) : new Date(now.getTime() - daysAgo * DAY);

  const existing = new Set((await db.incident.findMany({ where: { slug: { in: INCIDENTS.map((i) => i.slug) } }, select: { slug: true } })).map((i) => i.slug));
  for (const incident of INCIDENTS.filter((i) => !existing.has(i.slug))) {
    const start = startOf(incident.daysAgo, incident.at);
    const end = new Date(start.getTime() + incident.minutes * MINUTE);
    await db.incident.create({
      data: {
        slug: incident.slug,
        title: incident.title,
        impact: incident.impact,
        status: "RESOLVED",
        startedAt: start,
        resolvedAt: end,
        components: { create: incident.components.map((c) => ({ componentId: componentId(c.slug), status: c.status })) },
        updates: {
          create: [
            { status: "INVESTIGATING", body: incident.updates[0], createdAt: start, authorId },
            { status: "RESOLVED", body: incident.updates[1], createdAt: end, authorId },
          ],
        },
      },
    });
  }

  const done = new Set((await db.maintenance.findMany({ where: { slug: { in: MAINTENANCES.map((m) => m.slug) } }, select: { slug: true } })).map((m) => m.slug));
  for (const m of MAINTENANCES.filter((m) => !done.has(m.slug))) {
    const start = startOf(m.daysAgo, m.at);
    await db.maintenance.create({
      data: {
        slug: m.slug,
        title: m.title,
        body: m.body,
        status: "COMPLETED",
        scheduledStart: start,
        scheduledEnd: new Date(start.getTime() + m.minutes * MINUTE),
        components: { create: m.components.map((slug) => ({ componentId: componentId(slug) })) },
      },
    });
  }
}
