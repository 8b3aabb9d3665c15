import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { listMailbox } from "./mailbox";
import { startMailSink, type MailSink } from "./sink";

let sink: MailSink | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sink?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the local mail sink", () => {
  it("keeps accepting mail after a client resets its connection mid-conversation (a worker killed while sending)", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-sink-"));
    sink = await startMailSink({ port: 0, dir });
    // Half a message on the wire, then the connection reset: what the sink sees when a worker dies,
    // once for each of the worker's pooled connections.
    for (let connection = 0; connection < 3; connection++) {
      const socket = net.connect(sink.port, "127.0.0.1");
      let replies = "";
      socket.on("data", (chunk: Buffer) => (replies += chunk.toString()));
      const reply = async (code: string) => {
        while (!new RegExp(`^${code} `, "m").test(replies)) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await reply("220");
      socket.write("EHLO worker\r\nMAIL FROM:<status@nimbus.example>\r\nRCPT TO:<cut-off@example.com>\r\nDATA\r\n");
      await reply("354");
      socket.write("Subject: Cut off\r\n\r\nHalf a messa");
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.resetAndDestroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));

    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: "status@nimbus.example", to: "after-reset@example.com", subject: "Still here", text: "The mailbox is up." });
    transport.close();
    const mails = await listMailbox(dir);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[["after-reset@example.com"], "Still here"]]);
  });
});
