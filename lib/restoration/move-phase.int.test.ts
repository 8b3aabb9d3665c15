import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { movePhase } from "./move-phase";
import { makeScenario } from "./staff-test-scenario";

async function order(incidentId: number) {
  const phases = await db.restorationPhase.findMany({ where: { incidentId }, orderBy: { position: "asc" }, include: { category: true } });
  return phases.map((p) => `${p.position}:${p.category.slug}`);
}

describe("movePhase (PostgreSQL)", () => {
  it("moves a phase later and earlier in the plan, audited with the order before and after", async () => {
    const { staff, incident, phases } = await makeScenario();
    const contacts = phases[0]!;
    expect(await movePhase({ actor: staff, input: { phaseId: contacts.id, direction: "down" } })).toMatchObject({ order: ["calendar", "contacts", "notes"] });
    expect(await order(incident.id)).toEqual(["0:calendar", "1:contacts", "2:notes"]);
    await movePhase({ actor: staff, input: { phaseId: phases[2]!.id, direction: "up" } });
    expect(await order(incident.id)).toEqual(["0:calendar", "1:notes", "2:contacts"]);

    const entries = await db.auditLog.findMany({ where: { action: "restoration.phase.moved", entityId: { in: phases.map((p) => String(p.id)) } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [staff.id, { incidentId: incident.id, order: ["contacts", "calendar", "notes"] }, { incidentId: incident.id, order: ["calendar", "contacts", "notes"], direction: "down" }],
      [staff.id, { incidentId: incident.id, order: ["calendar", "contacts", "notes"] }, { incidentId: incident.id, order: ["calendar", "notes", "contacts"], direction: "up" }],
    ]);
  });

  it("refuses to move past either end, and tidies gaps and ties in positions", async () => {
    const { staff, incident, phases } = await makeScenario();
    await expect(movePhase({ actor: staff, input: { phaseId: phases[0]!.id, direction: "up" } })).rejects.toMatchObject({ code: "INVALID", message: "This phase is already first in the plan." });
    await expect(movePhase({ actor: staff, input: { phaseId: phases[2]!.id, direction: "down" } })).rejects.toMatchObject({ code: "INVALID", message: "This phase is already last in the plan." });

    await db.restorationPhase.update({ where: { id: phases[1]!.id }, data: { position: 7 } });
    await db.restorationPhase.update({ where: { id: phases[2]!.id }, data: { position: 7 } });
    await movePhase({ actor: staff, input: { phaseId: phases[2]!.id, direction: "up" } });
    expect(await order(incident.id)).toEqual(["0:contacts", "1:notes", "2:calendar"]);
  });

  it("refuses a subscriber and leaves the plan alone", async () => {
    const { subscriber, incident, phases } = await makeScenario();
    await expect(movePhase({ actor: subscriber, input: { phaseId: phases[0]!.id, direction: "down" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await order(incident.id)).toEqual(["0:contacts", "1:calendar", "2:notes"]);
  });
});
