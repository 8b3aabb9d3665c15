import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { Forbidden } from "@/lib/errors";
import { listTemplatePreviews, type TemplatePreview } from "@/lib/notifications/templates/registry";

/** Every registered email template rendered with its sample, HTML and plain text, for staff. */
export function previewTemplates(actor: Actor): TemplatePreview[] {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can preview email templates.");
  return listTemplatePreviews();
}
