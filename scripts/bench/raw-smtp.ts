// The baseline of `npm run bench:email`: a bare nodemailer pool (no database, no rendering) sending the same message to N
// recipients as fast as it can, with the worker's number of connections. Prints "RAW <msgs/s>".
import "../load-env";
import { createPooledTransport } from "../../lib/mail/transport";
import { listTemplatePreviews } from "../../lib/notifications/templates/registry";

const [smtpUrl, count, connections] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const sample = listTemplatePreviews().find((t) => t.name === "incident.update")!;
// The worker's own transport (pool, no Nagle delay): the ratio then measures only what the worker
// adds — claiming, rendering, recording — not a difference in socket settings.
const transport = createPooledTransport(smtpUrl, connections);
const started = performance.now();
let next = 0;
// As many sends waiting as the worker keeps in flight; the pool runs `connections` at a time.
async function lane() {
  while (next < count) {
    const i = next++;
    await transport.sendMail({ from: "status@bench.example", to: `raw-${i}@bench.example`, subject: sample.subject, html: sample.html, text: sample.text, headers: sample.headers, messageId: `<raw-${i}@bench.example>` });
  }
}
await Promise.all(Array.from({ length: 400 }, lane));
const seconds = (performance.now() - started) / 1000;
transport.close();
console.log(`RAW ${(count / seconds).toFixed(1)}`);
process.exit(0);
