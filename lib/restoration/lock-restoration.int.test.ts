import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { restorationLockKey } from "./import-batch";
import { lockRestorationRecords } from "./lock-restoration";

describe("lockRestorationRecords (PostgreSQL)", () => {
  it("waits a bounded time for a running import, then asks the person to retry", async () => {
    const incidentId = 900_000_000 + Math.floor(Math.random() * 1e6);
    const importer = await pgPool().connect();
    try {
      await importer.query("BEGIN");
      await importer.query("SELECT pg_advisory_xact_lock($1)", [restorationLockKey(incidentId)]);
      await expect(db.$transaction((tx) => lockRestorationRecords(tx, incidentId, 300))).rejects.toMatchObject({ code: "CONFLICT" });
      await importer.query("COMMIT");
      await expect(db.$transaction((tx) => lockRestorationRecords(tx, incidentId, 300))).resolves.toBeUndefined();
    } finally {
      importer.release();
    }
  });
});
