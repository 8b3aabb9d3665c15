// The benchmark's SMTP server in its own process: accepts and counts, stores nothing.
// Prints "READY <port>"; answers "count" on stdin with the number accepted.
import { startCountingSink } from "../../lib/mail/counting-sink";

const sink = await startCountingSink({ port: Number(process.argv[2] ?? 0) });
console.log(`READY ${sink.port}`);
process.stdin.setEncoding("utf8");
process.stdin.on("data", (line: string) => {
  if (line.trim() === "count") console.log(`COUNT ${sink.accepted()}`);
});
process.on("SIGTERM", () => void sink.close().then(() => process.exit(0)));
