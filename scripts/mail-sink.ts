// A standalone local mailbox: `tsx scripts/mail-sink.ts <port> <dir>`. Used by the test runner.
import { startMailSink } from "../lib/mail/sink";

const [portArg, dir] = process.argv.slice(2);
if (!portArg || !dir) {
  console.error("usage: mail-sink.ts <port> <dir>");
  process.exit(2);
}
const sink = await startMailSink({ port: Number(portArg), dir });
process.stdout.write(`READY ${sink.port}\n`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
