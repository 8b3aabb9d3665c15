import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { TemplateId } from "./template-input";

export const DeleteTemplateInput = z.object({ templateId: TemplateId });

/** Removes a template; the audit entry keeps its last text. */
export async function deleteTemplate({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can manage update templates.");
  const { templateId } = parseInput(DeleteTemplateInput, input);
  return db.$transaction(async (tx) => {
    const [before] = await tx.updateTemplate.findMany({ where: { id: templateId }, select: { id: true, name: true, status: true, body: true } });
    // deleteMany, so two people deleting at once get "already deleted" instead of an internal error.
    const { count } = await tx.updateTemplate.deleteMany({ where: { id: templateId } });
    if (!before || count === 0) throw NotFound("That template has already been deleted.");
    await recordAudit(tx, actor, { action: "template.deleted", entityType: "UpdateTemplate", entityId: templateId, before });
    return before;
  });
}
