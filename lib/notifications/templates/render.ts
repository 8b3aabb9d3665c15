import { renderEmail } from "@/lib/mail/layout";
import { oneClickUnsubscribeUrl, preferencesUrl, unsubscribeHeaders } from "@/lib/notifications/links";
import type { EmailContent, EmailTemplate } from "./types";

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** A template's content in the shared layout, with the preferences and unsubscribe links it must carry. */
export function renderMessage<C>(template: EmailTemplate<C>, content: EmailContent, toEmail: string): RenderedMessage {
  const links = template.list
    ? [
        { label: "Email preferences", url: preferencesUrl(toEmail) },
        { label: "Unsubscribe", url: oneClickUnsubscribeUrl(toEmail, template.list) },
      ]
    : [];
  const { html, text } = renderEmail({ heading: content.heading, paragraphs: content.paragraphs, bullets: content.bullets, action: content.action, footer: content.reason, links });
  return { subject: content.subject, html, text, headers: template.list ? unsubscribeHeaders(toEmail, template.list) : {} };
}
