import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

export const GetRestorationPlanInput = z.object({ incident: z.string().trim().max(200).optional() });

/**
 * The restoration plan of one incident, for the plan editor: the chosen incident (by slug), or by
 * default the most recent open incident that has a plan, with the incidents staff can switch to.
 */
export async function getRestorationPlan({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see the restoration plan.");
  const { incident: slug } = parseInput(GetRestorationPlanInput, input);

  const incidents = await db.incident.findMany({
    where: { OR: [{ status: { not: "RESOLVED" } }, { restorationPhases: { some: {} } }] },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, slug: true, title: true, status: true, _count: { select: { restorationPhases: true } } },
  });
  let incident = slug ? incidents.find((i) => i.slug === slug) : undefined;
  if (slug && !incident) {
    incident = (await db.incident.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true, _count: { select: { restorationPhases: true } } } })) ?? undefined;
    if (!incident) throw NotFound(`There is no incident "${slug}".`);
  }
  incident ??=
    incidents.find((i) => i.status !== "RESOLVED" && i._count.restorationPhases > 0) ?? incidents.find((i) => i.status !== "RESOLVED") ?? incidents[0];

  const phases = incident
    ? await db.restorationPhase.findMany({
        where: { incidentId: incident.id },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true, position: true, plannedStart: true, plannedEnd: true, state: true, affectedCount: true, settledCount: true, progressAt: true,
          parallelWithPrevious: true, projectedStart: true, projectedEnd: true, projectionBasis: true, projectedLate: true,
          category: { select: { id: true, slug: true, name: true } },
        },
      })
    : [];
  return { incidents, incident: incident ?? null, phases };
}
