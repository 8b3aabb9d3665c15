import { renderMessage, type RenderedMessage } from "./render";
import { backupFailed } from "./backup-failed";
import { claimStatus } from "./claim-status";
import { offerAvailable, offerGranted } from "./compensation-offer";
import { incidentDigest } from "./incident-digest";
import { incidentUpdate } from "./incident-update";
import { maintenanceNotice } from "./maintenance-notice";
import { restorationProgress } from "./restoration-progress";
import { subscriptionConfirm } from "./subscription-confirm";
import type { EmailTemplate } from "./types";

// Each template has its own Context type. The registry only hands a context back to the template
// that produced it, so it holds them as `unknown` contexts: `render` is a method, which TypeScript
// checks bivariantly, so every EmailTemplate<X> is an EmailTemplate<unknown>.
type RegisteredTemplate = EmailTemplate<unknown>;

const TEMPLATES: RegisteredTemplate[] = [incidentUpdate, incidentDigest, restorationProgress, maintenanceNotice, offerGranted, offerAvailable, claimStatus, subscriptionConfirm, backupFailed];

const BY_NAME = new Map(TEMPLATES.map((t) => [t.name, t]));

export function templateNamed(name: string): RegisteredTemplate | undefined {
  return BY_NAME.get(name);
}

export interface TemplatePreview extends RenderedMessage {
  name: string;
  description: string;
  list: string | null;
}

/** Every template rendered with its sample context, for the staff preview page. */
export function listTemplatePreviews(toEmail = "alex.morgan@example.com"): TemplatePreview[] {
  return TEMPLATES.map((template) => ({
    name: template.name,
    description: template.description,
    list: template.list,
    ...renderMessage(template, template.render(template.sample(), { toEmail }), toEmail),
  }));
}
