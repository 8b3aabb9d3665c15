import { db } from "@/lib/db";
import { getPublicRestoration } from "@/lib/restoration/public-progress";
import { overallStatus } from "./overall-status";

/** Everything the public status page shows, in four queries. */
export async function getStatusOverview(now = new Date()) {
  const [groups, ungrouped, activeIncidents, maintenances, recentIncidents] = await Promise.all([
    db.componentGroup.findMany({
      orderBy: { position: "asc" },
      include: { components: { orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, description: true, status: true } } },
    }),
    db.component.findMany({ where: { groupId: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, description: true, status: true } }),
    db.incident.findMany({
      where: { status: { not: "RESOLVED" } },
      orderBy: { startedAt: "desc" },
      select: {
        id: true,
        slug: true,
        title: true,
        impact: true,
        status: true,
        startedAt: true,
        components: { select: { component: { select: { name: true } } } },
        updates: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, status: true, createdAt: true } },
      },
    }),
    db.maintenance.findMany({
      where: { scheduledEnd: { gte: now }, status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
      orderBy: { scheduledStart: "asc" },
      take: 5,
      select: { slug: true, title: true, body: true, status: true, scheduledStart: true, scheduledEnd: true, components: { select: { component: { select: { name: true } } } } },
    }),
    db.incident.findMany({
      where: { status: "RESOLVED" },
      orderBy: { startedAt: "desc" },
      take: 5,
      select: { slug: true, title: true, impact: true, startedAt: true, resolvedAt: true },
    }),
  ]);
  const allComponents = [...groups.flatMap((g) => g.components), ...ungrouped];
  return {
    overall: overallStatus(allComponents.map((c) => c.status)),
    groups: groups.filter((g) => g.components.length > 0),
    ungrouped,
    activeIncidents: await Promise.all(activeIncidents.map(async ({ id, ...incident }) => ({ ...incident, restoration: await getPublicRestoration(id, now) }))),
    maintenances,
    recentIncidents,
    generatedAt: now,
  };
}

export type StatusOverview = Awaited<ReturnType<typeof getStatusOverview>>;
