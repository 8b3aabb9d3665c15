import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { deriveComponentStatuses } from "./derive-component-statuses";
import { AffectedComponents, Impact, IncidentId, IncidentTitle } from "./incident-input";
import { incidentComponentsOf, lockIncident, replaceIncidentComponents, sameComponents } from "./incident-rows";

export const EditIncidentInput = z.object({
  incidentId: IncidentId,
  title: IncidentTitle,
  impact: Impact,
  components: AffectedComponents,
});

/** Corrects an incident's title, impact and affected services. Its address stays as it was. */
export async function editIncident({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can edit incidents.");
  const data = parseInput(EditIncidentInput, input);
  return db.$transaction(async (tx) => {
    const { slug } = await lockIncident(tx, data.incidentId);
    const before = await tx.incident.findUniqueOrThrow({ where: { id: data.incidentId }, select: { title: true, impact: true } });
    const componentsBefore = await incidentComponentsOf(tx, data.incidentId);
    const componentsChanged = !sameComponents(componentsBefore, data.components);
    if (before.title === data.title && before.impact === data.impact && !componentsChanged) return { slug, changed: false };

    await tx.incident.update({ where: { id: data.incidentId }, data: { title: data.title, impact: data.impact } });
    const touched = componentsChanged ? await replaceIncidentComponents(tx, data.incidentId, componentsBefore, data.components) : [];
    const componentStatuses = await deriveComponentStatuses(tx, touched);
    await recordAudit(tx, actor, {
      action: "incident.edited",
      entityType: "Incident",
      entityId: data.incidentId,
      before: { ...before, components: componentsBefore },
      after: { title: data.title, impact: data.impact, components: data.components, componentStatuses },
    });
    return { slug, changed: true };
  });
}
