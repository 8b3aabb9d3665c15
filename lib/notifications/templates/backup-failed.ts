import { env } from "@/lib/env";
import { utcWeekdayTime } from "./email-dates";
import type { EmailTemplate } from "./types";

interface Context {
  runId: number;
  startedAt: Date;
  error: string;
}

/** A scheduled backup or its verification by restore failed. Everything travels in the payload. */
export const backupFailed: EmailTemplate<Context> = {
  name: "backup.failed",
  description: "A scheduled backup, or its verification by restore, failed — to every admin. Not a list: admins cannot opt out.",
  list: null,
  async load(messages) {
    return new Map(
      messages.map((m) => {
        const { runId, startedAt, error } = m.payload;
        const valid = typeof runId === "number" && typeof startedAt === "string" && typeof error === "string";
        return [m.id, valid ? { runId, startedAt: new Date(startedAt), error } : null];
      }),
    );
  },
  render(c) {
    return {
      subject: `Backup run ${c.runId} failed`,
      heading: "A backup was not verified",
      paragraphs: [
        `The backup run that started ${utcWeekdayTime(c.startedAt)} failed: ${c.error}`,
        "Until a backup is verified by restore again, the newest verified one is the last copy you can rely on. See the runbook in the README, \"Backups and recovery\".",
      ],
      action: { label: "Open the staff overview", url: new URL("/admin", env().NEXTAUTH_URL).toString() },
      reason: "You received this because you are an admin of this portal.",
    };
  },
  sample: () => ({ runId: 42, startedAt: new Date("2026-12-06T03:00:00Z"), error: 'Verification by restore: 1 of 38 tables differ from the manifest (public."Claim")' }),
};
