import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { backupHealth, type BackupRunSummary } from "@/lib/backup/backup-health";
import { BackupCard } from "./backup-card";

const now = new Date("2026-12-06T12:00:00Z");
const verified: BackupRunSummary = { status: "VERIFIED", startedAt: new Date("2026-12-06T03:00:00Z"), finishedAt: new Date("2026-12-06T03:02:00Z"), tables: 38, rows: 4_612, error: null };
const render = (lastFinished: BackupRunSummary) =>
  renderToStaticMarkup(createElement(BackupCard, { lastVerified: verified, health: backupHealth({ lastVerified: verified, lastFinished, scheduleHours: 24, now }) }));

describe("the staff overview's backup card", () => {
  it("shows the last verified backup with its tables and rows, and no warning", () => {
    const html = render(verified);
    expect(html).toContain("Last verified backup: ");
    expect(html).toContain("· 38 tables · 4,612 rows");
    expect(html).toContain('data-backup-health="healthy"');
    expect(html).not.toContain('role="alert"');
  });

  it("turns to a warning naming the failure when the last verification failed", () => {
    const html = render({ ...verified, status: "FAILED", startedAt: new Date("2026-12-06T09:00:00Z"), finishedAt: new Date("2026-12-06T09:01:00Z"), error: "1 of 38 tables differ from the manifest" });
    expect(html).toContain('data-backup-health="failed"');
    expect(html).toMatch(/role="alert"[^>]*>The last backup run failed \(1 of 38 tables differ from the manifest\)/);
    expect(html).toContain("Needs attention");
  });
});
