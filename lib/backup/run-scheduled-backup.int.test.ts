import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { isEmbeddedDatabase } from "@/lib/embedded-database";
import { getBackupStatus } from "./get-backup-status";
import { BACKUP_LOCK_KEY, runScheduledBackup } from "./run-scheduled-backup";

const url = process.env.DATABASE_URL ?? "";
const onServer = url !== "" && !isEmbeddedDatabase(url);
const admin = { id: "x", email: "admin@nimbus.example", role: "ADMIN" as const };

// Only this file writes BackupRun rows. Its runs are dated after every run already recorded (by a
// previous test run on the same database), so those never make it "not due".
describe.skipIf(!onServer)("the worker's scheduled backup", () => {
  let dir: string;
  let base = Date.now();
  const day = (n: number) => new Date(base + (n + 1) * 86_400_000);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "aftercare-scheduled-backup-"));
    const latest = await db.backupRun.findFirst({ orderBy: { startedAt: "desc" }, select: { startedAt: true } });
    base = Math.max(base, latest?.startedAt.getTime() ?? 0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("backs up and verifies when due, records the run, and then waits for the schedule", async () => {
    const options = { databaseUrl: url, dir, keep: 1, scheduleHours: 24, now: () => day(0) };
    const first = await runScheduledBackup(pgPool(), options);
    expect(first.outcome).toBe("verified");
    const run = await db.backupRun.findUniqueOrThrow({ where: { id: "runId" in first ? first.runId : -1 } });
    expect(run).toMatchObject({ status: "VERIFIED", error: null });
    expect(run.tables).toBeGreaterThan(30);
    expect(await readdir(dir)).toEqual(expect.arrayContaining([run.file, `${run.file}.manifest.json`]));
    expect((await runScheduledBackup(pgPool(), { ...options, now: () => new Date(day(0).getTime() + 3_600_000) })).outcome).toBe("not-due");

    const status = await getBackupStatus(admin, { now: new Date(day(0).getTime() + 3_600_000), scheduleHours: 24 });
    expect(status.health.state).toBe("healthy");
    expect(status.lastVerified?.tables).toBe(run.tables);
  }, 120_000);

  it("skips its turn while another worker holds the backup lock", async () => {
    const holder = await pgPool().connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [BACKUP_LOCK_KEY]);
      expect((await runScheduledBackup(pgPool(), { databaseUrl: url, dir, keep: 1, scheduleHours: 24, now: () => day(5) })).outcome).toBe("busy");
    } finally {
      await holder.query("SELECT pg_advisory_unlock($1::bigint)", [BACKUP_LOCK_KEY]);
      holder.release();
    }
  });

  it("records a failed verification, emails every admin, keeps the newest verified backup and warns on /admin", async () => {
    const verifiedFile = (await db.backupRun.findFirstOrThrow({ where: { status: "VERIFIED" }, orderBy: { startedAt: "desc" } })).file!;
    // A scratch server that does not answer: the backup is written, its verification fails.
    const unreachable = "postgresql://postgres@127.0.0.1:1/postgres";
    const failed = await runScheduledBackup(pgPool(), { databaseUrl: url, dir, keep: 1, scheduleHours: 24, verifyUrl: unreachable, now: () => day(10) });
    expect(failed.outcome).toBe("failed");
    const runId = "runId" in failed ? failed.runId : -1;
    expect(await db.backupRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "FAILED", error: expect.stringMatching(/ECONNREFUSED|connect/) });

    const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { email: true } });
    expect(admins.length).toBeGreaterThan(0);
    const mails = await db.emailOutbox.findMany({ where: { eventRef: `backup-run:${runId}` }, select: { template: true, toEmail: true } });
    expect(mails.map((m) => m.toEmail).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(["backup.failed"]));

    // keep = 1 keeps the newest (failed) file, and the newest verified one as well.
    const files = (await readdir(dir)).filter((f) => !f.endsWith(".json"));
    expect(files).toHaveLength(2);
    expect(files).toContain(verifiedFile);

    const status = await getBackupStatus(admin, { now: day(10), scheduleHours: 24 });
    expect(status.health.state).toBe("failed");
    expect(status.lastVerified).not.toBeNull();
  }, 120_000);
});
