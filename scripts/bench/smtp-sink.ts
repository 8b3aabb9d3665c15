// The benchmark's SMTP server in its own process: accepts and counts, stores nothing.
// Prints "READY <port>".
import { startCountingSink } from "../../lib/mail/counting-sink";

const sink = await startCountingSink({ port: Number(process.argv[2] ?? 0) });
console.log(`READY ${sink.port}`);
process.on("SIGTERM", () => void sink.close().then(() => process.exit(0)));
