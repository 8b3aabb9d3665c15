import { describeAudit, namesNeeded } from "@/lib/audit/describe-audit";
import { loadAuditNames } from "@/lib/audit/load-audit-names";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

/** The staff landing page: what is open, how many people are affected, and recent staff actions. */
export async function getStaffDashboard(actor: Actor) {
  if (!isStaff(actor.role)) throw Forbidden();
  const [activeIncidents, subscriberCount, perState, audit] = await Promise.all([
    db.incident.findMany({
      where: { status: { not: "RESOLVED" } },
      orderBy: { startedAt: "desc" },
      select: { id: true, slug: true, title: true, status: true, impact: true, startedAt: true, _count: { select: { updates: true, forumPosts: true } } },
    }),
    db.user.count({ where: { role: "SUBSCRIBER" } }),
    db.restorationRecord.groupBy({ by: ["state"], _count: { _all: true } }),
    db.auditLog.findMany({ orderBy: { createdAt: "desc" }, take: 10, select: { id: true, actorId: true, actorEmail: true, action: true, entityType: true, entityId: true, before: true, after: true, createdAt: true } }),
  ]);
  const names = await loadAuditNames(namesNeeded(audit));
  const recentActions = audit.map((entry) => ({ id: entry.id.toString(), sentence: describeAudit(entry, names), actorEmail: entry.actorEmail, createdAt: entry.createdAt }));
  const counts = Object.fromEntries(perState.map((row) => [row.state, row._count._all]));
  const affected = perState.filter((row) => row.state !== "NOT_AFFECTED").reduce((sum, row) => sum + row._count._all, 0);
  return { activeIncidents, subscriberCount, counts, affectedRecords: affected, restoredRecords: counts.RESTORED ?? 0, recentActions };
}
