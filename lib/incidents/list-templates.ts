import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";

/** Update templates by name, for the template pages and the update forms' picker. */
export async function listTemplates(actor: Actor) {
  if (!isStaff(actor.role)) throw Forbidden("This area is for support staff.");
  return db.updateTemplate.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, status: true, body: true, updatedAt: true } });
}

export type TemplateOption = Pick<Awaited<ReturnType<typeof listTemplates>>[number], "id" | "name" | "status" | "body">;
