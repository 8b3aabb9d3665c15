// `npm run bench:email`: on the benchmark database (1M subscribers, see bench-database.ts) staff
// post one update on the incident that affected them all and the fan-out is timed; then the
// worker (`npm run worker`, its own process) drains 100,000 of those messages into a local SMTP
// sink that accepts without storing, and its msgs/s and peak RSS are printed; then a bare
// nodemailer pool sends the same number of the same message to the same sink for the ratio.
// Last line: RESULT {"enqueue_1m_s","msgs_per_s","worker_rss_mb","raw_ratio"}.
import "../load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { WORKER_NODE_ARGS, WORKER_RUNTIME_FLAGS } from "../worker-command";
import { prepareBenchDatabase } from "./bench-database";

const DRAIN = 100_000;
const url = await prepareBenchDatabase();
const { pgPool, disconnectDb } = await import("../../lib/db");
const { env } = await import("../../lib/env");
const { postUpdate } = await import("../../lib/incidents/post-update");
const { expandFanouts } = await import("../../lib/notifications/fanout/expand-fanouts");
const pool = pgPool();
const children: ChildProcess[] = [];

function start(args: string[], extraEnv: Record<string, string> = {}, ready?: RegExp, runtimeFlags: string[] = []) {
  const child = spawn(process.execPath, args[0] === "worker" ? WORKER_NODE_ARGS : [...runtimeFlags, "--import", "tsx", ...args], { env: { ...process.env, DATABASE_URL: url, ...extraEnv }, stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  let output = "";
  const matched = new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready?.exec(output);
      if (match) resolve(match);
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`)));
  });
  return { child, matched, output: () => output };
}

try {
  // A clean outbox, so every figure below is about this run's messages only.
  await pool.query(`TRUNCATE "EmailOutbox"`);
  await pool.query(`UPDATE "EmailFanout" SET "expandedAt" = now() WHERE "expandedAt" IS NULL`);
  const { rows: target } = await pool.query<{ incidentId: number; affected: number }>(
    `SELECT "incidentId", count(DISTINCT "userId")::int AS affected FROM "RestorationRecord" WHERE state <> 'NOT_AFFECTED' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  const { rows: staff } = await pool.query<{ id: string; email: string; role: "ADMIN" | "SUPPORT" }>(`SELECT id, email, role FROM "User" WHERE role IN ('ADMIN', 'SUPPORT') ORDER BY email LIMIT 1`);
  const incidentId = target[0]!.incidentId;
  console.log(`Incident #${incidentId}: ${target[0]!.affected.toLocaleString("en-US")} affected subscribers.`);

  // 1. Post the update (outbox fan-out row in the same transaction) and expand it: one INSERT … SELECT.
  const t0 = performance.now();
  const posted = await postUpdate({ actor: staff[0]!, input: { incidentId, status: "MONITORING", body: "Contacts and calendars are restored for every affected account. **Notes** are next." } });
  const t1 = performance.now();
  await expandFanouts(pool, console.log);
  const t2 = performance.now();
  const eventRef = `incident-update:${posted.update.id}`;
  const queued = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "EmailOutbox" WHERE "eventRef" = $1`, [eventRef])).rows[0]!.n);
  const enqueueSeconds = (t2 - t0) / 1000;
  console.log(`Enqueue: posting took ${(t1 - t0).toFixed(0)} ms, the fan-out ${((t2 - t1) / 1000).toFixed(2)} s: ${queued.toLocaleString("en-US")} messages queued in ${enqueueSeconds.toFixed(2)} s.`);

  // 2. Keep the first 100,000 for the drain; the rest leave the table.
  await pool.query(`DELETE FROM "EmailOutbox" WHERE "eventRef" = $1 AND id > (SELECT id FROM "EmailOutbox" WHERE "eventRef" = $1 ORDER BY id OFFSET $2 LIMIT 1)`, [eventRef, DRAIN - 1]);
  await pool.query(`VACUUM ANALYZE "EmailOutbox"`);

  const sink = start(["scripts/bench/smtp-sink.ts"], {}, /READY (\d+)/);
  const smtpUrl = `smtp://127.0.0.1:${(await sink.matched)[1]}`;
  const connections = String(env().EMAIL_SMTP_CONNECTIONS);

  const worker = start(["worker"], { SMTP_URL: smtpUrl }, /delivering through/);
  await worker.matched;
  const w0 = performance.now();
  let sent = 0;
  while (sent < DRAIN) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    sent = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "EmailOutbox" WHERE "eventRef" = $1 AND status = 'SENT'`, [eventRef])).rows[0]!.n);
  }
  const workerSeconds = (performance.now() - w0) / 1000;
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${worker.child.pid}/status`, "utf8"))?.[1] ?? 0);
  worker.child.kill("SIGTERM");
  const msgsPerSecond = DRAIN / workerSeconds;
  console.log(`Worker: ${DRAIN.toLocaleString("en-US")} messages in ${workerSeconds.toFixed(1)} s = ${msgsPerSecond.toFixed(0)} msg/s over ${connections} SMTP connections; peak RSS ${(peakKb / 1024).toFixed(0)} MB.`);

  // 3. The same number of the same message through a bare nodemailer pool.
  // With the worker's own runtime flags, so the ratio compares the code, not the garbage collector.
  const raw = start(["scripts/bench/raw-smtp.ts", smtpUrl, String(DRAIN), connections], {}, /RAW ([\d.]+)/, WORKER_RUNTIME_FLAGS);
  const rawPerSecond = Number((await raw.matched)[1]);
  console.log(`Bare nodemailer pool: ${rawPerSecond.toFixed(0)} msg/s.`);

  const result = {
    enqueue_1m_s: Number(enqueueSeconds.toFixed(2)),
    msgs_per_s: Math.round(msgsPerSecond),
    worker_rss_mb: Math.round(peakKb / 1024),
    raw_ratio: Number((msgsPerSecond / rawPerSecond).toFixed(3)),
  };
  console.log(`Targets: enqueue ≤ 30 s for ${queued.toLocaleString("en-US")} recipients, ≥ 1,000 msg/s, RSS ≤ 256 MB, ratio ≥ 0.7.`);
  await pool.query(`TRUNCATE "EmailOutbox"`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await disconnectDb();
}
process.exit(0);
