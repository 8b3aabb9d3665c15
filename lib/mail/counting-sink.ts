// An SMTP server that accepts and counts, storing nothing: the far end of the delivery benchmark
// and of the crash drills. It can refuse chosen recipients (to provoke retries and bounces) and
// hold its acceptance replies (to stop a worker mid-send with messages on the wire).
import { SMTPServer } from "smtp-server";

export interface CountingSink {
  port: number;
  /** Accepted messages per recipient address. */
  readonly perRecipient: Map<string, number>;
  /** Raw sources per recipient, when started with capture. */
  readonly messages: Map<string, string[]>;
  accepted(): number;
  /** While held, messages are read but not answered; released ones are then accepted or, if their connection is gone, dropped. */
  hold(on: boolean): void;
  held(): number;
  /** Drops held messages whose client went away without counting them. */
  dropHeld(): number;
  close(): Promise<void>;
}

export interface SinkOptions {
  port?: number;
  /** An SMTP reply for a recipient, e.g. { code: 550, message: "No such user" }; null accepts. */
  refuse?: (recipient: string) => { code: number; message: string } | null;
  /** Keep each accepted message's raw source (tests read headers from it). */
  capture?: boolean;
}

export async function startCountingSink({ port = 0, refuse = () => null, capture = false }: SinkOptions = {}): Promise<CountingSink> {
  const perRecipient = new Map<string, number>();
  const messages = new Map<string, string[]>();
  let total = 0;
  let holding = false;
  let waiting: { finish: () => void; closed: () => boolean }[] = [];
  const closedSessions = new Set<string>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address.toLowerCase());
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (capture) chunks.push(chunk);
      });
      stream.on("end", () => {
        const finish = () => {
          for (const rcpt of session.envelope.rcptTo) {
            const key = rcpt.address.toLowerCase();
            perRecipient.set(key, (perRecipient.get(key) ?? 0) + 1);
            if (capture) messages.set(key, [...(messages.get(key) ?? []), Buffer.concat(chunks).toString("utf8")]);
          }
          total += 1;
          callback();
        };
        if (!holding) return finish();
        waiting.push({ finish, closed: () => closedSessions.has(session.id) });
      });
    },
    // A held message whose client went away was never accepted: the client got no reply.
    onClose(session) {
      closedSessions.add(session.id);
    },
  });

  // A client killed mid-conversation resets its connection; that is the point of the drills.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error("sink:", error);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    perRecipient,
    messages,
    accepted: () => total,
    hold(on) {
      holding = on;
      if (!on) {
        const release = waiting;
        waiting = [];
        for (const w of release) if (!w.closed()) w.finish();
      }
    },
    held: () => waiting.length,
    dropHeld() {
      const before = waiting.length;
      waiting = waiting.filter((w) => !w.closed());
      return before - waiting.length;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
