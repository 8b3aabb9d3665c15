import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const STAFF_INCIDENTS_PAGE_SIZE = 20;

const Page = z.coerce.number().int().positive().catch(1);

const FIELDS = {
  id: true,
  slug: true,
  title: true,
  impact: true,
  status: true,
  startedAt: true,
  resolvedAt: true,
  _count: { select: { updates: true } },
  updates: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { createdAt: true } },
} satisfies Prisma.IncidentSelect;

/**
 * The staff incident list: every open incident (there are only ever a few), then resolved ones,
 * most recently resolved first, page by page.
 */
export async function listStaffIncidents({ actor, page }: { actor: Actor; page?: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("This area is for support staff.");
  const requested = Page.parse(page ?? 1);
  const resolvedWhere = { status: "RESOLVED" as const };
  const [active, total] = await Promise.all([
    db.incident.findMany({ where: { status: { not: "RESOLVED" } }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: FIELDS }),
    db.incident.count({ where: resolvedWhere }),
  ]);
  const pages = Math.max(1, Math.ceil(total / STAFF_INCIDENTS_PAGE_SIZE));
  const current = Math.min(requested, pages);
  const resolved = await db.incident.findMany({
    where: resolvedWhere,
    orderBy: [{ resolvedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    skip: (current - 1) * STAFF_INCIDENTS_PAGE_SIZE,
    take: STAFF_INCIDENTS_PAGE_SIZE,
    select: FIELDS,
  });
  return { active, resolved: { items: resolved, page: current, pages, total } };
}

export type StaffIncidentRow = Awaited<ReturnType<typeof listStaffIncidents>>["active"][number];
