import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { OFFER_AUDIT_FIELDS } from "./offer-input";

export const ListOffersInput = z.object({ incident: z.string().trim().max(200).optional() });

const INCIDENT_FIELDS = { id: true, slug: true, title: true, status: true, _count: { select: { offers: true } } } as const;

/**
 * An incident's compensation offers for the staff offer editor, with how many claims and grants
 * each has: the chosen incident (by slug), or the newest open one, with the incidents to switch to.
 */
export async function listOffers({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see compensation offers.");
  const { incident: slug } = parseInput(ListOffersInput, input);
  const incidents = await db.incident.findMany({
    where: { OR: [{ status: { not: "RESOLVED" } }, { offers: { some: {} } }] },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: INCIDENT_FIELDS,
  });
  let incident = slug ? incidents.find((i) => i.slug === slug) : undefined;
  if (slug && !incident) {
    incident = (await db.incident.findUnique({ where: { slug }, select: INCIDENT_FIELDS })) ?? undefined;
    if (!incident) throw NotFound(`There is no incident "${slug}".`);
  }
  incident ??= incidents.find((i) => i.status !== "RESOLVED" && i._count.offers > 0) ?? incidents.find((i) => i.status !== "RESOLVED") ?? incidents[0];

  const offers = incident
    ? await db.compensationOffer.findMany({
        where: { incidentId: incident.id },
        orderBy: [{ opensAt: "asc" }, { id: "asc" }],
        select: { ...OFFER_AUDIT_FIELDS, _count: { select: { claimItems: true, grants: true } } },
      })
    : [];
  return { incidents, incident: incident ?? null, offers };
}
