import path from "node:path";
import type pg from "pg";
import { db } from "@/lib/db";
import { enqueueMessage } from "@/lib/notifications/outbox/enqueue-message";
import { createBackup, verifyBackup } from "./backups";
import { applyRetention } from "./retention";
import { serverBackupSource } from "./source";

/** pg_try_advisory_lock key: one backup at a time, however many workers run. */
export const BACKUP_LOCK_KEY = "7300194261219";

export interface ScheduledBackupOptions {
  databaseUrl: string;
  dir: string;
  keep: number;
  scheduleHours: number;
  /** Server for the scratch database; default the portal's own. */
  verifyUrl?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

export type ScheduledBackupOutcome = { outcome: "busy" | "not-due" } | { outcome: "verified" | "failed"; runId: number; error?: string };

/**
 * The worker's backup job: when the latest run is a schedule old, back up, verify by restore,
 * record the run, apply retention, and email every admin when the run failed. Workers that find
 * the advisory lock taken skip the turn.
 */
export async function runScheduledBackup(pool: pg.Pool, options: ScheduledBackupOptions): Promise<ScheduledBackupOutcome> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [BACKUP_LOCK_KEY]);
    if (!rows[0]?.locked) return { outcome: "busy" };
    try {
      // Holding the lock, any run still marked running belongs to a worker that stopped mid-run.
      await db.backupRun.updateMany({ where: { status: "RUNNING" }, data: { status: "FAILED", finishedAt: now(), error: "Interrupted: the worker stopped during the run" } });
      const latest = await db.backupRun.findFirst({ orderBy: { startedAt: "desc" }, select: { startedAt: true } });
      if (latest && now().getTime() - latest.startedAt.getTime() < options.scheduleHours * 3_600_000) return { outcome: "not-due" };
      return await backUpAndVerify(options, now, log);
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1::bigint)", [BACKUP_LOCK_KEY]);
    }
  } finally {
    lock.release();
  }
}

async function backUpAndVerify(options: ScheduledBackupOptions, now: () => Date, log: (line: string) => void): Promise<ScheduledBackupOutcome> {
  const run = await db.backupRun.create({ data: { startedAt: now() } });
  log(`backup run ${run.id}: started`);
  try {
    const started = Date.now();
    const { file, manifest } = await createBackup(serverBackupSource(options.databaseUrl), options.dir, now());
    const backupMs = Date.now() - started;
    const details = { file: path.basename(file), bytes: BigInt(manifest.bytes), sha256: manifest.sha256, tables: manifest.tables.length, rows: BigInt(manifest.totalRows), backupMs };
    await db.backupRun.update({ where: { id: run.id }, data: details });
    const verified = await verifyBackup(file, { serverUrl: options.verifyUrl ?? options.databaseUrl });
    const bad = verified.checks.filter((c) => !c.ok);
    if (bad.length) throw new Error(`Verification by restore: ${bad.length} of ${verified.checks.length} tables differ from the manifest (${bad.map((c) => c.table).join(", ")})`);
    await db.backupRun.update({ where: { id: run.id }, data: { status: "VERIFIED", finishedAt: now(), verifyMs: Date.now() - started - backupMs } });
    log(`backup run ${run.id}: verified ${details.file} (${manifest.tables.length} tables, ${manifest.totalRows} rows)`);
    return { outcome: "verified", runId: run.id };
  } catch (caught) {
    const error = (caught as Error).message.slice(0, 2_000);
    log(`backup run ${run.id}: FAILED: ${error}`);
    await db.$transaction(async (tx) => {
      await tx.backupRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: now(), error } });
      const admins = await tx.user.findMany({ where: { role: "ADMIN" }, select: { id: true, email: true } });
      for (const admin of admins) {
        await enqueueMessage(tx, {
          dedupeKey: `backup-failed:${run.id}:${admin.id}`,
          template: "backup.failed",
          toEmail: admin.email,
          userId: admin.id,
          eventRef: `backup-run:${run.id}`,
          payload: { runId: run.id, startedAt: run.startedAt.toISOString(), error },
        });
      }
    });
    return { outcome: "failed", runId: run.id, error };
  } finally {
    const newestVerified = await db.backupRun.findFirst({ where: { status: "VERIFIED" }, orderBy: { startedAt: "desc" }, select: { file: true } });
    const removed = await applyRetention(options.dir, options.keep, newestVerified?.file ?? null).catch(() => []);
    if (removed.length) log(`backup retention removed ${removed.join(", ")}`);
  }
}
