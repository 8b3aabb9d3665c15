import { connect, type Socket } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import type SMTPPool from "nodemailer/lib/smtp-pool";
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

/**
 * Pooled SMTP: connections stay open and carry message after message. The URL is parsed here
 * because nodemailer, given `{ url, pool: true }`, replaces every other option with the URL's
 * and silently opens a new connection per message.
 */
export function createPooledTransport(url: string, maxConnections: number): Transporter {
  const options = parseConnectionUrl(url);
  return nodemailer.createTransport({ ...options, pool: true, maxConnections, maxMessages: Infinity, getSocket: noDelaySocket } as SMTPPool.Options);
}

/**
 * A kept-open SMTP connection writes small commands back to back; with Nagle's algorithm on,
 * each message then waits for a delayed ACK (~40 ms), capping a connection near 25 messages/s.
 */
function noDelaySocket(options: { host?: string; port?: number; secure?: boolean }, callback: (error: Error | null, socketOptions?: { connection: Socket }) => void): void {
  const socket = connect({ host: options.host ?? "localhost", port: options.port ?? (options.secure ? 465 : 587) });
  socket.setNoDelay(true);
  const onError = (error: Error) => callback(error);
  socket.once("error", onError);
  socket.once("connect", () => {
    socket.off("error", onError);
    callback(null, { connection: socket });
  });
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
