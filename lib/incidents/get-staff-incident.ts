import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

const PERSON = { select: { email: true, name: true } } as const;

/** One incident as staff work on it: details, affected services, the whole timeline with authors, the postmortem. */
export async function getStaffIncident({ actor, id }: { actor: Actor; id: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("This area is for support staff.");
  const parsed = z.coerce.number().int().positive().safeParse(id);
  if (!parsed.success) throw NotFound("There is no incident with that number.");
  const incident = await db.incident.findUnique({
    where: { id: parsed.data },
    select: {
      id: true,
      slug: true,
      title: true,
      impact: true,
      status: true,
      startedAt: true,
      resolvedAt: true,
      postmortemBody: true,
      postmortemPublishedAt: true,
      components: { orderBy: { componentId: "asc" }, select: { componentId: true, status: true, component: { select: { name: true } } } },
      updates: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, status: true, body: true, createdAt: true, editedAt: true, author: PERSON, editedBy: PERSON },
      },
    },
  });
  if (!incident) throw NotFound("There is no incident with that number.");
  return incident;
}

export type StaffIncident = Awaited<ReturnType<typeof getStaffIncident>>;
