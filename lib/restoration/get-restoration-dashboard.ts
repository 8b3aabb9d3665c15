import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { RESTORATION_STATES } from "./transitions";

/** The incident a staff page is about: the one named, else the most recent open one. */
export async function resolveIncident(slug?: string | null) {
  const incident = slug
    ? await db.incident.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } })
    : ((await db.incident.findFirst({ where: { status: { not: "RESOLVED" } }, orderBy: { startedAt: "desc" }, select: { id: true, slug: true, title: true } })) ??
      (await db.incident.findFirst({ orderBy: { startedAt: "desc" }, select: { id: true, slug: true, title: true } })));
  if (!incident) throw NotFound(slug ? `There is no incident "${slug}".` : "There are no incidents yet.");
  return incident;
}

/** Per category: subscribers in each state, share restored, and settled share day by day. */
export async function getRestorationDashboard(actor: Actor, incidentSlug?: string | null) {
  if (!isStaff(actor.role)) throw Forbidden();
  const incident = await resolveIncident(incidentSlug);
  const [categories, counts, daily, incidents] = await Promise.all([
    db.restorationPhase.findMany({
      where: { incidentId: incident.id },
      orderBy: { position: "asc" },
      select: { projectedEnd: true, projectionBasis: true, projectedLate: true, category: { select: { id: true, name: true } } },
    }),
    db.restorationRecord.groupBy({ by: ["categoryId", "state"], where: { incidentId: incident.id }, _count: { _all: true } }),
    // The literal IN list matches the partial index "RestorationEvent_settled_by_day".
    db.$queryRaw<{ day: Date; categoryId: number; n: bigint }[]>`
      SELECT date_trunc('day', "asOf") AS day, "categoryId", count(*) AS n
      FROM "RestorationEvent"
      WHERE "incidentId" = ${incident.id} AND "toState" IN ('RESTORED', 'PARTIAL', 'UNRECOVERABLE')
        AND ("fromState" IS NULL OR "fromState" NOT IN ('RESTORED', 'PARTIAL', 'UNRECOVERABLE'))
      GROUP BY 1, 2 ORDER BY 1`,
    db.incident.findMany({ orderBy: { startedAt: "desc" }, take: 20, select: { slug: true, title: true } }),
  ]);

  const rows = categories.map(({ category, ...projection }) => {
    const byState = Object.fromEntries(RESTORATION_STATES.map((s) => [s, 0])) as Record<RestorationState, number>;
    for (const c of counts) if (c.categoryId === category.id) byState[c.state] = c._count._all;
    const affected = RESTORATION_STATES.filter((s) => s !== "NOT_AFFECTED").reduce((sum, s) => sum + byState[s], 0);
    return { id: category.id, name: category.name, byState, affected, restored: byState.RESTORED, projection };
  });

  // Cumulative share of affected subscribers settled, per category, by day.
  const days = [...new Set(daily.map((d) => d.day.toISOString().slice(0, 10)))].sort();
  const running = new Map<number, number>();
  const series = days.map((day) => {
    const point: Record<string, number | string> = { day };
    for (const row of rows) {
      const added = daily.filter((d) => d.categoryId === row.id && d.day.toISOString().slice(0, 10) === day).reduce((s, d) => s + Number(d.n), 0);
      running.set(row.id, (running.get(row.id) ?? 0) + added);
      point[row.name] = row.affected ? Math.min(100, Math.round(((running.get(row.id) ?? 0) / row.affected) * 1000) / 10) : 0;
    }
    return point;
  });
  return { incident, incidents, rows, series, categoryNames: rows.map((r) => r.name) };
}
