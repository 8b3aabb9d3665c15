// `npm run worker`: delivers the email outbox. Any number may run, on any number of machines;
// each claims its own rows. Stops cleanly on SIGTERM/SIGINT (finishes and records what is in flight).
import "./load-env";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { grantOpenedOffers } from "../lib/claims/grant-opened-offers";
import { runScheduledBackup } from "../lib/backup/run-scheduled-backup";
import { disconnectDb, pgPool } from "../lib/db";
import { isEmbeddedDatabase } from "../lib/embedded-database";
import { env } from "../lib/env";
import { createPooledTransport } from "../lib/mail/transport";
import { enqueueDigests } from "../lib/notifications/digest/enqueue-digests";
import { expandFanouts } from "../lib/notifications/fanout/expand-fanouts";
import { DeliveryWorker } from "../lib/notifications/worker/delivery-worker";
import { startMirrorPublisher } from "../lib/public/mirror-publisher";
import { reprojectOpenPlans } from "../lib/restoration/reproject-open-plans";

const config = env();
if (!config.SMTP_URL) {
  console.error("SMTP_URL is not set: the worker needs an SMTP server to deliver to (npm run dev sets a local one).");
  process.exit(2);
}
const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const log = (line: string) => console.log(`[worker] ${line}`);
const pool = pgPool();
const transport = createPooledTransport(config.SMTP_URL, config.EMAIL_SMTP_CONNECTIONS);
const worker = new DeliveryWorker(
  pool,
  transport,
  {
    workerId,
    from: config.MAIL_FROM_NOTIFY,
    batchSize: config.EMAIL_BATCH_SIZE,
    leaseSeconds: config.EMAIL_LEASE_SECONDS,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
    retryBaseSeconds: config.EMAIL_RETRY_BASE_SECONDS,
    sendRate: config.EMAIL_SEND_RATE,
  },
  log,
);

// Fan-outs, digests and offers that have just opened are set-based SQL on their own timers, beside delivery.
let stopping = false;
async function every(ms: number, task: () => Promise<unknown>) {
  while (!stopping) {
    try {
      await task();
    } catch (error) {
      log(`${String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
void every(1_000, () => expandFanouts(pool, log));
void every(60_000, () => enqueueDigests(pool, { hour: config.EMAIL_DIGEST_HOUR, log }));
// Restoration projections follow the clock between changes (see reproject-open-plans.ts).
void every(5 * 60_000, () => reprojectOpenPlans(pool, { log }));
// An automatic offer that opens later is granted within seconds of its opening time.
void every(10_000, () => grantOpenedOffers(pool, { log }));
// Backup and verification by restore every BACKUP_SCHEDULE hours; the check each minute is one
// advisory lock and one query. The embedded database's data directory belongs to its server
// process, so it is backed up by hand (npm run db:backup with the server stopped).
if (config.BACKUP_SCHEDULE > 0 && !isEmbeddedDatabase(config.DATABASE_URL)) {
  const backup = { databaseUrl: config.DATABASE_URL, dir: config.BACKUP_DIR, keep: config.BACKUP_KEEP, scheduleHours: config.BACKUP_SCHEDULE, verifyUrl: config.BACKUP_VERIFY_URL, log };
  void every(60_000, () => runScheduledBackup(pool, backup));
} else log(`scheduled backups off (${config.BACKUP_SCHEDULE > 0 ? "embedded database" : "BACKUP_SCHEDULE=0"})`);

// With STATUS_MIRROR_DIR set, the static mirror is republished after every public change.
const stopMirror = config.STATUS_MIRROR_DIR
  ? startMirrorPublisher({
      pool,
      origin: (config.STATUS_MIRROR_ORIGIN ?? config.NEXTAUTH_URL).replace(/\/$/, ""),
      root: config.STATUS_MIRROR_DIR,
      staticDir: path.join(process.env.NEXT_DIST_DIR || ".next", "static"),
      log,
    })
  : undefined;

let signals = 0;
function shutdown() {
  signals += 1;
  if (signals > 1) process.exit(1);
  log("stopping: finishing the messages in flight…");
  stopping = true;
  void stopMirror?.();
  worker.stop();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

log(`${workerId} delivering through ${new URL(config.SMTP_URL).host}${config.EMAIL_SEND_RATE ? ` at most ${config.EMAIL_SEND_RATE}/s` : ""}`);
await worker.run();
transport.close();
await disconnectDb();
log(`stopped (sent ${worker.stats.sent}, retried ${worker.stats.retried}, failed ${worker.stats.failed}, suppressed ${worker.stats.suppressed})`);
process.exit(0);
