import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Forbidden } from "@/lib/errors";
import { backupHealth, type BackupHealth, type BackupRunSummary } from "./backup-health";

const SUMMARY = { status: true, startedAt: true, finishedAt: true, tables: true, rows: true, error: true } as const;

/** The /admin card: the newest verified backup and whether the schedule is being kept. */
export async function getBackupStatus(actor: Actor, { now = new Date(), scheduleHours = env().BACKUP_SCHEDULE } = {}): Promise<{ lastVerified: BackupRunSummary | null; health: BackupHealth }> {
  if (!isStaff(actor.role)) throw Forbidden();
  const [verified, finished] = await Promise.all([
    db.backupRun.findFirst({ where: { status: "VERIFIED" }, orderBy: { startedAt: "desc" }, select: SUMMARY }),
    db.backupRun.findFirst({ where: { status: { not: "RUNNING" } }, orderBy: { startedAt: "desc" }, select: SUMMARY }),
  ]);
  const summary = (run: typeof verified): BackupRunSummary | null => (run ? { ...run, rows: run.rows === null ? null : Number(run.rows) } : null);
  const lastVerified = summary(verified);
  return { lastVerified, health: backupHealth({ lastVerified, lastFinished: summary(finished), scheduleHours, now }) };
}
