import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type MailStream = "signin" | "notify";

export interface OutgoingMail {
  stream: MailStream;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

let transport: Transporter | undefined;

/** The one transport, built from SMTP_URL (pooled: connections are reused across messages). */
export function mailTransport(): Transporter {
  if (transport) return transport;
  const url = env().SMTP_URL;
  if (!url) {
    throw new Error(
      "SMTP_URL is not set. `npm run dev` starts a local mailbox and sets it for you; elsewhere set SMTP_URL.",
    );
  }
  transport = createPooledTransport(url, 5);
  return transport;
}

/** Pooled SMTP: connections stay open and carry message after message. */
export function createPooledTransport(url: string, maxConnections: number): Transporter {
  return nodemailer.createTransport({ url, pool: true, maxConnections, maxMessages: Infinity } as nodemailer.TransportOptions);
}

/** Sign-in links and notifications come from different senders, so a filter on one never hides the other. */
export function fromAddress(stream: MailStream): string {
  return stream === "signin" ? env().MAIL_FROM_SIGNIN : env().MAIL_FROM_NOTIFY;
}

export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  const info = await mailTransport().sendMail({
    from: fromAddress(mail.stream),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
  });
  return { messageId: String(info.messageId) };
}
