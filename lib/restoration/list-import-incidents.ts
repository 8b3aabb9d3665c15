import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

/** Incidents staff can import progress into: open ones first, each group newest first. */
export async function listImportIncidents(actor: Actor) {
  if (!isStaff(actor.role)) throw Forbidden("Only staff can import restoration progress.");
  const incidents = await db.incident.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { slug: true, title: true, status: true, startedAt: true },
  });
  const open = incidents.filter((i) => i.status !== "RESOLVED");
  const resolved = incidents.filter((i) => i.status === "RESOLVED");
  return [...open, ...resolved].map((i) => ({ ...i, open: i.status !== "RESOLVED" }));
}
