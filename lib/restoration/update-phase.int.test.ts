import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeScenario } from "./staff-test-scenario";
import { updatePhase } from "./update-phase";

const audits = (phaseId: number) => db.auditLog.findMany({ where: { entityType: "RestorationPhase", entityId: String(phaseId), action: "restoration.phase.updated" } });

describe("updatePhase (PostgreSQL)", () => {
  it("re-times a phase and sets its state, audited with before and after", async () => {
    const { staff, phases } = await makeScenario();
    const phase = phases[0]!;
    const after = await updatePhase({ actor: staff, input: { phaseId: phase.id, plannedStart: "2026-11-20T09:00", plannedEnd: "2026-11-22T17:30", state: "IN_PROGRESS" } });
    expect(after).toMatchObject({ plannedStart: new Date("2026-11-20T09:00:00Z"), plannedEnd: new Date("2026-11-22T17:30:00Z"), state: "IN_PROGRESS" });

    const [entry] = await audits(phase.id);
    expect(entry).toMatchObject({
      actorId: staff.id,
      before: { plannedStart: null, plannedEnd: null, state: "NOT_STARTED" },
      after: { plannedStart: "2026-11-20T09:00:00.000Z", plannedEnd: "2026-11-22T17:30:00.000Z", state: "IN_PROGRESS" },
    });

    await updatePhase({ actor: staff, input: { phaseId: phase.id, plannedStart: "", plannedEnd: "", state: "DONE" } });
    expect(await db.restorationPhase.findUniqueOrThrow({ where: { id: phase.id } })).toMatchObject({ plannedStart: null, plannedEnd: null, state: "DONE" });
    expect(await audits(phase.id)).toHaveLength(2);
  });

  it("refuses an end before the start, or a date that does not exist, and keeps the phase as it was", async () => {
    const { staff, phases } = await makeScenario();
    const phase = phases[1]!;
    await expect(updatePhase({ actor: staff, input: { phaseId: phase.id, plannedStart: "2026-11-22T09:00", plannedEnd: "2026-11-22T09:00", state: "NOT_STARTED" } })).rejects.toMatchObject({
      code: "INVALID",
      message: "The planned end must be after the planned start.",
      details: { field: "plannedEnd" },
    });
    await expect(updatePhase({ actor: staff, input: { phaseId: phase.id, plannedStart: "2026-02-30T09:00", plannedEnd: "", state: "NOT_STARTED" } })).rejects.toMatchObject({
      code: "INVALID",
      details: { field: "plannedStart" },
    });
    await expect(updatePhase({ actor: staff, input: { phaseId: phase.id, plannedStart: "", plannedEnd: "", state: "FINISHED" } })).rejects.toMatchObject({ code: "INVALID", details: { field: "state" } });
    expect(await db.restorationPhase.findUniqueOrThrow({ where: { id: phase.id } })).toMatchObject({ plannedStart: null, plannedEnd: null, state: "NOT_STARTED" });
    expect(await audits(phase.id)).toHaveLength(0);
  });

  it("writes nothing when nothing changes", async () => {
    const { staff, phases } = await makeScenario();
    await updatePhase({ actor: staff, input: { phaseId: phases[2]!.id, plannedStart: "", plannedEnd: "", state: "NOT_STARTED" } });
    expect(await audits(phases[2]!.id)).toHaveLength(0);
  });

  it("refuses a subscriber and answers not found for a phase that is gone", async () => {
    const { staff, subscriber, phases } = await makeScenario();
    const input = { phaseId: phases[0]!.id, plannedStart: "2026-11-20T09:00", plannedEnd: "", state: "DONE" };
    await expect(updatePhase({ actor: subscriber, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.restorationPhase.findUniqueOrThrow({ where: { id: phases[0]!.id } })).toMatchObject({ state: "NOT_STARTED" });
    await expect(updatePhase({ actor: staff, input: { ...input, phaseId: 2_000_000_000 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
