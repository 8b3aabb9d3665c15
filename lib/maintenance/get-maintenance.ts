import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";

export const MAINTENANCE_FIELDS = {
  id: true,
  slug: true,
  title: true,
  body: true,
  status: true,
  scheduledStart: true,
  scheduledEnd: true,
  components: { orderBy: { componentId: "asc" }, select: { componentId: true, component: { select: { name: true } } } },
} as const;

/** One maintenance window for the staff edit page. */
export async function getMaintenance({ actor, id }: { actor: Actor; id: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("This area is for support staff.");
  const parsed = z.coerce.number().int().positive().safeParse(id);
  const maintenance = parsed.success ? await db.maintenance.findUnique({ where: { id: parsed.data }, select: MAINTENANCE_FIELDS }) : null;
  if (!maintenance) throw NotFound("There is no maintenance window with that number.");
  return maintenance;
}

export type MaintenanceRow = Awaited<ReturnType<typeof getMaintenance>>;
