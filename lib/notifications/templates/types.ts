import type { EmailList } from "@/lib/notifications/links";

/** One outbox row as the worker hands it to a template. */
export interface OutboxMessage {
  id: bigint;
  template: string;
  toEmail: string;
  userId: string | null;
  eventRef: string | null;
  payload: Record<string, unknown>;
}

/** What a template says; the layout adds the provider, the links and the plain-text twin. */
export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Short lines shown as a list under the paragraphs (per-category progress, say). */
  bullets?: string[];
  action?: { label: string; url: string };
  /** Why the person gets this message, shown above the footer links. */
  reason: string;
}

export interface EmailTemplate<Context> {
  name: string;
  /** For staff: when this message goes out and to whom. */
  description: string;
  /** The list one-click unsubscribe stops; null only for messages that are no list (the opt-in confirmation, alerts to admins). */
  list: EmailList | null;
  /**
   * Everything the messages of one batch need, in a few queries for the whole batch. A null
   * context means there is nothing to say any more (the update was deleted, say): the row is
   * closed as SUPPRESSED with that reason instead of sending an empty email.
   */
  load(messages: OutboxMessage[]): Promise<Map<bigint, Context | null>>;
  render(context: Context, message: Pick<OutboxMessage, "toEmail">): EmailContent;
  /** A realistic context for the staff preview, without touching the database. */
  sample(): Context;
}
