import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { POSTMORTEM_MAX } from "./form-limits";
import { IncidentId } from "./incident-input";
import { lockIncident } from "./incident-rows";

export const SavePostmortemInput = z.object({
  incidentId: IncidentId,
  body: z.string({ error: "Write the postmortem." }).trim().max(POSTMORTEM_MAX, `Keep the postmortem to ${POSTMORTEM_MAX.toLocaleString("en-US")} characters or fewer.`),
  /** save keeps the published state as it is; publish and unpublish change it. */
  intent: z.enum(["save", "publish", "unpublish"], { error: "Choose whether to save, publish or unpublish the postmortem." }),
});

const ACTION = { save: "incident.postmortem.saved", publish: "incident.postmortem.published", unpublish: "incident.postmortem.unpublished" } as const;

/**
 * Saves the postmortem's text and publishes or unpublishes it. Every intent saves what was typed,
 * so unpublishing to rework the text never loses it. Only a resolved incident's postmortem can
 * be published: it explains what happened once it is over.
 */
export async function savePostmortem({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can write postmortems.");
  const data = parseInput(SavePostmortemInput, input);
  return db.$transaction(async (tx) => {
    const { slug } = await lockIncident(tx, data.incidentId);
    const before = await tx.incident.findUniqueOrThrow({ where: { id: data.incidentId }, select: { status: true, postmortemBody: true, postmortemPublishedAt: true } });
    const body = data.body === "" ? null : data.body;
    const published = data.intent === "publish" || (data.intent === "save" && before.postmortemPublishedAt !== null);
    if (published && !body) {
      throw Invalid(data.intent === "publish" ? "Write the postmortem before publishing it." : "A published postmortem cannot be empty. Unpublish it first if you want to take it down.", { field: "body" });
    }
    if (data.intent === "publish" && before.status !== "RESOLVED") throw Conflict("Resolve the incident before publishing its postmortem. You can save it as a draft until then.");

    const publishedAt = published ? (before.postmortemPublishedAt ?? new Date()) : null;
    if (before.postmortemBody === body && before.postmortemPublishedAt?.getTime() === publishedAt?.getTime()) return { slug, published, changed: false };
    await tx.incident.update({ where: { id: data.incidentId }, data: { postmortemBody: body, postmortemPublishedAt: publishedAt } });
    await recordAudit(tx, actor, {
      action: ACTION[data.intent],
      entityType: "Incident",
      entityId: data.incidentId,
      before: { postmortemBody: before.postmortemBody, postmortemPublishedAt: before.postmortemPublishedAt },
      after: { postmortemBody: body, postmortemPublishedAt: publishedAt },
    });
    return { slug, published, changed: true };
  });
}
