import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { MAINTENANCE_FIELDS } from "./get-maintenance";

export const PAST_MAINTENANCE_PAGE_SIZE = 20;

/** Running windows, then upcoming ones soonest first, then finished ones, newest first, page by page. */
export async function listMaintenances({ actor, page }: { actor: Actor; page?: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("This area is for support staff.");
  const requested = z.coerce.number().int().positive().catch(1).parse(page ?? 1);
  const pastWhere = { status: { in: ["COMPLETED" as const, "CANCELLED" as const] } };
  const [current, total] = await Promise.all([
    db.maintenance.findMany({ where: { status: { in: ["IN_PROGRESS", "SCHEDULED"] } }, orderBy: [{ status: "desc" }, { scheduledStart: "asc" }, { id: "asc" }], select: MAINTENANCE_FIELDS }),
    db.maintenance.count({ where: pastWhere }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAST_MAINTENANCE_PAGE_SIZE));
  const pageNumber = Math.min(requested, pages);
  const past = await db.maintenance.findMany({
    where: pastWhere,
    orderBy: [{ scheduledStart: "desc" }, { id: "desc" }],
    skip: (pageNumber - 1) * PAST_MAINTENANCE_PAGE_SIZE,
    take: PAST_MAINTENANCE_PAGE_SIZE,
    select: MAINTENANCE_FIELDS,
  });
  return { current, past: { items: past, page: pageNumber, pages, total } };
}
