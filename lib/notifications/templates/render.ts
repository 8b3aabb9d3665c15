import { renderEmail } from "@/lib/mail/layout";
import { messageLinks } from "@/lib/notifications/links";
import type { EmailContent, EmailTemplate } from "./types";

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** A template's content in the shared layout, with the preferences and unsubscribe links it must carry. */
export function renderMessage<C>(template: EmailTemplate<C>, content: EmailContent, toEmail: string): RenderedMessage {
  const urls = template.list ? messageLinks(toEmail, template.list) : null;
  const links = urls
    ? [
        { label: "Email preferences", url: urls.preferences },
        { label: "Unsubscribe", url: urls.unsubscribe },
      ]
    : [];
  const { html, text } = renderEmail({ heading: content.heading, paragraphs: content.paragraphs, bullets: content.bullets, action: content.action, footer: content.reason, links });
  return { subject: content.subject, html, text, headers: urls?.headers ?? {} };
}
