// A real SMTP server that accepts every message and files it as JSON in a folder: the local
// mailbox for development and the mail catcher the tests read magic links from.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { StoredMail } from "./mailbox";

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}

export interface MailSink {
  port: number;
  close(): Promise<void>;
}

export async function startMailSink({ port, dir, host = "127.0.0.1" }: { port: number; dir: string; host?: string }): Promise<MailSink> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const receivedAt = new Date();
          const id = `${receivedAt.getTime()}-${randomBytes(4).toString("hex")}`;
          const mail: StoredMail = {
            id,
            receivedAt: receivedAt.toISOString(),
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((r) => r.address).concat(addresses(parsed.to)).filter((v, i, a) => a.indexOf(v) === i),
            subject: parsed.subject ?? "(no subject)",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers: Object.fromEntries([...parsed.headers].map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
          };
          // Write then rename, so a reader never sees half a message.
          const tmp = path.join(dir, `.${id}.tmp`);
          await writeFile(tmp, JSON.stringify(mail));
          const { rename } = await import("node:fs/promises");
          await rename(tmp, path.join(dir, `${id}.json`));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A client that drops its connection (a worker killed mid-send) must not take the mailbox down:
  // SMTPServer reports it as an "error" event, which would otherwise end the process.
  server.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "ECONNRESET") console.error(`Mail sink: ${error.message}`);
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
