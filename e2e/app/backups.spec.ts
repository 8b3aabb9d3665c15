import { expect, test } from "../helpers/test";
import { withDb } from "../helpers/db";
import { signIn } from "../helpers/sign-in";

// Only this spec writes BackupRun rows in the browser tests' database.
test("the staff overview warns when the last backup verification failed", async ({ page }) => {
  await withDb(async (client) => {
    await client.query(`INSERT INTO "BackupRun" (status, "startedAt", "finishedAt", file, tables, rows, "backupMs", "verifyMs")
                        VALUES ('VERIFIED', now() - interval '2 hours', now() - interval '2 hours', 'aftercare-e2e.dump', 38, 4612, 900, 4000)`);
    await client.query(`INSERT INTO "BackupRun" (status, "startedAt", "finishedAt", error)
                        VALUES ('FAILED', now() - interval '1 minute', now(), 'Verification by restore: 1 of 38 tables differ from the manifest (public."Claim")')`);
  });
  await signIn(page, "admin@nimbus.example", "/admin");
  const card = page.getByRole("region", { name: "Backups" });
  await expect(card).toContainText(/Last verified backup: .+ · 38 tables · 4,612 rows/);
  await expect(card.getByRole("alert")).toContainText('The last backup run failed (Verification by restore: 1 of 38 tables differ from the manifest (public."Claim"))');
});
