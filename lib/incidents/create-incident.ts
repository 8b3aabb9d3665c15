import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueFanout } from "@/lib/notifications/fanout/enqueue-fanout";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { claimSlug } from "./claim-slug";
import { deriveComponentStatuses } from "./derive-component-statuses";
import { deriveIncidentStatus } from "./derive-incident-status";
import { AffectedComponents, Impact, IncidentTitle, UpdateBody, UpdateStatus } from "./incident-input";
import { assertComponentsExist } from "./incident-rows";

export const CreateIncidentInput = z.object({
  title: IncidentTitle,
  impact: Impact,
  components: AffectedComponents,
  status: UpdateStatus,
  body: UpdateBody,
});

/**
 * Opens an incident with its affected services and its first official update. The address comes
 * from the title (numbered on a clash) and never changes afterwards, so shared links keep working.
 */
export async function createIncident({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can open incidents.");
  const data = parseInput(CreateIncidentInput, input);
  return db.$transaction(async (tx) => {
    await assertComponentsExist(tx, data.components.map((c) => c.componentId));
    const slug = await claimSlug(tx, "incident", data.title);

    const now = new Date();
    const incident = await tx.incident.create({
      data: {
        slug,
        title: data.title,
        impact: data.impact,
        startedAt: now,
        components: { create: data.components.map((c) => ({ componentId: c.componentId, status: c.status })) },
        updates: { create: { status: data.status, body: data.body, authorId: actor.id, createdAt: now } },
      },
      select: { id: true, slug: true, title: true, impact: true, updates: { select: { id: true } } },
    });
    const state = await deriveIncidentStatus(tx, incident.id);
    const componentStatuses = await deriveComponentStatuses(tx, data.components.map((c) => c.componentId));
    if (incident.updates[0]) await enqueueFanout(tx, "incident-update", incident.updates[0].id);
    await recordAudit(tx, actor, {
      action: "incident.created",
      entityType: "Incident",
      entityId: incident.id,
      after: { slug, title: data.title, impact: data.impact, status: state.status, components: data.components, firstUpdate: { id: incident.updates[0]?.id, status: data.status, body: data.body }, componentStatuses },
    });
    return { id: incident.id, slug, status: state.status };
  });
}
