import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

// A subscriber has a handful of events per category; the cap only guards against a runaway pipeline.
const MAX_EVENTS = 2_000;

/**
 * Everything support needs to answer "where is my data?": the subscriber, and per incident and
 * category their current record (or none yet) with its full history, newest first. Open incidents
 * with a plan are included even without records, so a missed subscriber can be added by hand.
 */
export async function getSubscriberRestoration({ actor, userId }: { actor: Actor; userId: string }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see a subscriber's restoration records.");
  const subscriber = userId.length <= 100
    ? await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, accountRef: true, phone: true, role: true } })
    : null;
  if (!subscriber) throw NotFound("There is no subscriber with that id.");

  const [incidents, categories, records, events] = await Promise.all([
    db.incident.findMany({
      where: { OR: [{ restorationRecords: { some: { userId } } }, { status: { not: "RESOLVED" }, restorationPhases: { some: {} } }] },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { id: true, slug: true, title: true, status: true },
    }),
    db.dataCategory.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, itemNoun: true } }),
    db.restorationRecord.findMany({
      where: { userId },
      select: { incidentId: true, categoryId: true, state: true, itemsLost: true, itemsRecovered: true, itemsRestored: true, asOf: true },
    }),
    db.restorationEvent.findMany({
      where: { userId },
      orderBy: [{ asOf: "desc" }, { id: "desc" }],
      take: MAX_EVENTS,
      select: {
        id: true, incidentId: true, categoryId: true, fromState: true, toState: true, itemsLost: true, itemsRecovered: true, itemsRestored: true,
        source: true, batchId: true, note: true, asOf: true, createdAt: true, actor: { select: { email: true } },
      },
    }),
  ]);

  return {
    subscriber,
    incidents: incidents.map((incident) => ({
      incident,
      categories: categories.map((category) => ({
        category,
        record: records.find((r) => r.incidentId === incident.id && r.categoryId === category.id) ?? null,
        events: events
          .filter((e) => e.incidentId === incident.id && e.categoryId === category.id)
          .map(({ id, incidentId: _incident, categoryId: _category, ...event }) => ({ ...event, id: id.toString() })),
      })),
    })),
  };
}

export type SubscriberRestoration = Awaited<ReturnType<typeof getSubscriberRestoration>>;
