import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Conflict, Forbidden } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { isUniqueViolation, TemplateFields, templateNameTaken } from "./template-input";

/** Adds a reusable update text that the update forms can start from. */
export async function createTemplate({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can manage update templates.");
  const data = parseInput(TemplateFields, input);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.updateTemplate.findUnique({ where: { name: data.name }, select: { id: true } })) throw Conflict(templateNameTaken(data.name));
      const template = await tx.updateTemplate.create({ data, select: { id: true, name: true, status: true, body: true } });
      await recordAudit(tx, actor, { action: "template.created", entityType: "UpdateTemplate", entityId: template.id, after: template });
      return template;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? Conflict(templateNameTaken(data.name)) : error;
  }
}
