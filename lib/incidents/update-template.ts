import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { isUniqueViolation, TemplateFields, TemplateId, templateNameTaken } from "./template-input";

export const UpdateTemplateInput = TemplateFields.extend({ templateId: TemplateId });

const FIELDS = { id: true, name: true, status: true, body: true } as const;

/** Renames or rewrites a template; updates already posted from it stay as they were. */
export async function updateTemplate({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can manage update templates.");
  const { templateId, ...data } = parseInput(UpdateTemplateInput, input);
  try {
    return await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "UpdateTemplate" WHERE id = ${templateId} FOR UPDATE`;
      if (!locked) throw NotFound("That template has been deleted. Reload the page.");
      const before = await tx.updateTemplate.findUniqueOrThrow({ where: { id: templateId }, select: FIELDS });
      if (before.name === data.name && before.status === data.status && before.body === data.body) return before;
      const clash = await tx.updateTemplate.findUnique({ where: { name: data.name }, select: { id: true } });
      if (clash && clash.id !== templateId) throw Conflict(templateNameTaken(data.name));
      const after = await tx.updateTemplate.update({ where: { id: templateId }, data, select: FIELDS });
      await recordAudit(tx, actor, { action: "template.updated", entityType: "UpdateTemplate", entityId: templateId, before, after });
      return after;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? Conflict(templateNameTaken(data.name)) : error;
  }
}
