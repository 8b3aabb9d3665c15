import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { enqueueFanout } from "@/lib/notifications/fanout/enqueue-fanout";
import { parseInput } from "@/lib/parse-input";
import { deriveComponentStatuses } from "./derive-component-statuses";
import { deriveIncidentStatus } from "./derive-incident-status";
import { AffectedComponents, IncidentId, UpdateBody, UpdateStatus } from "./incident-input";
import { incidentComponentsOf, lockIncident, replaceIncidentComponents, sameComponents } from "./incident-rows";

export const PostUpdateInput = z.object({
  incidentId: IncidentId,
  status: UpdateStatus,
  body: UpdateBody,
  /** Left out to keep the affected services as they are. */
  components: AffectedComponents.optional(),
});

/**
 * Posts an official update. The incident's status follows it (a RESOLVED update resolves the
 * incident, any other status reopens a resolved one), and the services' statuses follow both.
 */
export async function postUpdate({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can post incident updates.");
  const data = parseInput(PostUpdateInput, input);
  return db.$transaction(async (tx) => {
    const { slug } = await lockIncident(tx, data.incidentId);
    const incidentBefore = await tx.incident.findUniqueOrThrow({ where: { id: data.incidentId }, select: { status: true, resolvedAt: true } });
    const componentsBefore = await incidentComponentsOf(tx, data.incidentId);
    const componentsChanged = data.components !== undefined && !sameComponents(componentsBefore, data.components);
    const touched = componentsChanged ? await replaceIncidentComponents(tx, data.incidentId, componentsBefore, data.components!) : componentsBefore.map((c) => c.componentId);

    // Stamped after the lock, so the newest update on the timeline is always the last one posted.
    const update = await tx.incidentUpdate.create({
      data: { incidentId: data.incidentId, status: data.status, body: data.body, authorId: actor.id, createdAt: new Date() },
      select: { id: true, status: true, body: true, createdAt: true },
    });
    const state = await deriveIncidentStatus(tx, data.incidentId);
    const componentStatuses = await deriveComponentStatuses(tx, touched);
    await enqueueFanout(tx, "incident-update", update.id);
    await recordAudit(tx, actor, {
      action: "incident.update.posted",
      entityType: "IncidentUpdate",
      entityId: update.id,
      before: { incidentId: data.incidentId, incidentStatus: incidentBefore.status, resolvedAt: incidentBefore.resolvedAt, ...(componentsChanged ? { components: componentsBefore } : {}) },
      after: {
        incidentId: data.incidentId,
        status: update.status,
        body: update.body,
        incidentStatus: state.status,
        resolvedAt: state.resolvedAt,
        ...(componentsChanged ? { components: data.components } : {}),
        componentStatuses,
      },
    });
    return { update, slug, incidentStatus: state.status, resolvedAt: state.resolvedAt, componentsChanged };
  });
}
