import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "./record-audit";

describe("audit log (PostgreSQL)", () => {
  it("records who did what with before and after", async () => {
    const entityId = randomUUID();
    await db.$transaction((tx) =>
      recordAudit(tx, { id: "staff-1", email: "support@nimbus.example", role: "SUPPORT" }, { action: "incident.updated", entityType: "Incident", entityId, before: { title: "A" }, after: { title: "B" } }),
    );
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId } });
    expect(entry).toMatchObject({ actorEmail: "support@nimbus.example", action: "incident.updated", before: { title: "A" }, after: { title: "B" } });
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    const entityId = randomUUID();
    await db.$transaction((tx) => recordAudit(tx, { id: "staff-1", email: "a@nimbus.example", role: "ADMIN" }, { action: "x", entityType: "T", entityId }));
    await expect(db.auditLog.updateMany({ where: { entityId }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({ where: { entityId } })).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { entityId, action: "x" } })).toBe(1);
  });
});
