import { describe, expect, it } from "vitest";
import { backupHealth, type BackupRunSummary } from "./backup-health";

const now = new Date("2026-12-06T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const run = (status: BackupRunSummary["status"], finishedHoursAgo: number, error: string | null = null): BackupRunSummary => ({
  status,
  startedAt: hoursAgo(finishedHoursAgo + 0.1),
  finishedAt: hoursAgo(finishedHoursAgo),
  tables: 38,
  rows: 4_600,
  error,
});

describe("backupHealth", () => {
  it("is healthy when the newest verified backup is within the schedule and nothing failed since", () => {
    const verified = run("VERIFIED", 20);
    expect(backupHealth({ lastVerified: verified, lastFinished: verified, scheduleHours: 24, now })).toEqual({ state: "healthy", warning: null });
  });

  it("warns that the last verification failed even when an older verified backup is recent", () => {
    const health = backupHealth({ lastVerified: run("VERIFIED", 3), lastFinished: run("FAILED", 1, "2 tables differ from the manifest"), scheduleHours: 24, now });
    expect(health.state).toBe("failed");
    expect(health.warning).toContain("2 tables differ");
  });

  it("warns when the newest verified backup is older than the schedule plus a run's allowance", () => {
    const verified = run("VERIFIED", 25.5);
    expect(backupHealth({ lastVerified: verified, lastFinished: verified, scheduleHours: 24, now }).state).toBe("overdue");
    expect(backupHealth({ lastVerified: run("VERIFIED", 24.5), lastFinished: verified, scheduleHours: 24, now }).state).toBe("healthy");
  });

  it("warns when no backup was ever verified, and when the schedule is off", () => {
    expect(backupHealth({ lastVerified: null, lastFinished: null, scheduleHours: 24, now }).state).toBe("never");
    expect(backupHealth({ lastVerified: run("VERIFIED", 1), lastFinished: run("VERIFIED", 1), scheduleHours: 0, now }).state).toBe("off");
  });
});
