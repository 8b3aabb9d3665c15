import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { describeAudit, namesNeeded } from "./describe-audit";
import { loadAuditNames } from "./load-audit-names";

describe("loadAuditNames", () => {
  it("turns the people and things a page of entries mentions into names, in one batch", async () => {
    const sam = await db.user.findUniqueOrThrow({ where: { email: "sam.rivera@example.com" }, select: { id: true, name: true } });
    const incident = await db.incident.findUniqueOrThrow({ where: { slug: "subscriber-data-loss" }, select: { id: true, title: true } });
    const category = await db.dataCategory.findFirstOrThrow({ select: { id: true, name: true } });
    const rows = [
      { actorId: sam.id, actorEmail: "sam.rivera@example.com", action: "incident.edited", entityType: "Incident", entityId: String(incident.id), before: null, after: null },
      { actorId: sam.id, actorEmail: "sam.rivera@example.com", action: "restoration.record.created", entityType: "RestorationRecord", entityId: `${incident.id}:${sam.id}:${category.id}`, before: null, after: { state: "AFFECTED" } },
      { actorId: null, actorEmail: "system:code-pool", action: "claim.fulfilled", entityType: "Claim", entityId: "2147483000", before: null, after: null },
    ];
    const names = await loadAuditNames(namesNeeded(rows));
    expect(names.get(`User:${sam.id}`)).toBe(sam.name ?? "sam.rivera@example.com");
    expect(describeAudit(rows[0]!, names)).toBe(`${sam.name} edited the incident “${incident.title}”`);
    expect(describeAudit(rows[1]!, names)).toBe(`${sam.name} recorded ${sam.name}’s ${category.name.toLowerCase()} as affected`);
    expect(describeAudit(rows[2]!, names)).toBe("The gift-code pool fulfilled a claim");
  });

  it("asks the database nothing for an empty page", async () => {
    expect((await loadAuditNames([])).size).toBe(0);
  });
});
