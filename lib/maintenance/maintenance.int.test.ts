import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditsFor, hoursFromNow, makeIncidentScenario } from "@/lib/incidents/incident-test-scenario";
import { editMaintenance } from "./edit-maintenance";
import { listMaintenances } from "./list-maintenances";
import { scheduleMaintenance } from "./schedule-maintenance";
import { transitionMaintenance } from "./transition-maintenance";

async function scenario() {
  const s = await makeIncidentScenario(3);
  const input = { title: s.title("Database upgrade"), body: "Sync pauses for **10 minutes**.", componentIds: [s.components[0]!.id], scheduledStart: hoursFromNow(24), scheduledEnd: hoursFromNow(26) };
  return { ...s, input };
}

describe("maintenance (PostgreSQL)", () => {
  it("is scheduled, edited, started and completed; services follow and every step is audited", async () => {
    const { staff, components, statuses, input, tag } = await scenario();
    const window = await scheduleMaintenance({ actor: staff, input });
    expect(window).toMatchObject({ slug: `database-upgrade-${tag}`, status: "SCHEDULED", scheduledStart: new Date(`${input.scheduledStart}:00Z`), componentIds: [components[0]!.id] });
    expect(await statuses()).toEqual(["OPERATIONAL", "OPERATIONAL", "OPERATIONAL"]);

    const edited = await editMaintenance({ actor: staff, input: { ...input, maintenanceId: window.id, componentIds: [components[1]!.id, components[0]!.id], scheduledEnd: hoursFromNow(27) } });
    expect(edited).toMatchObject({ changed: true, componentIds: [components[0]!.id, components[1]!.id] });

    await transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "start" } });
    expect(await statuses()).toEqual(["MAINTENANCE", "MAINTENANCE", "OPERATIONAL"]);

    // Changing the services of a running window changes their status at once.
    await editMaintenance({ actor: staff, input: { ...input, maintenanceId: window.id, componentIds: [components[2]!.id], scheduledEnd: hoursFromNow(27) } });
    expect(await statuses()).toEqual(["OPERATIONAL", "OPERATIONAL", "MAINTENANCE"]);

    await transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "complete" } });
    expect(await statuses()).toEqual(["OPERATIONAL", "OPERATIONAL", "OPERATIONAL"]);

    const entries = await auditsFor("Maintenance", window.id);
    expect(entries.map((e) => e.action)).toEqual(["maintenance.scheduled", "maintenance.edited", "maintenance.started", "maintenance.edited", "maintenance.completed"]);
    expect(entries[1]).toMatchObject({ before: { componentIds: [components[0]!.id] }, after: { componentIds: [components[0]!.id, components[1]!.id] } });
    expect(entries[2]).toMatchObject({
      actorId: staff.id,
      before: { status: "SCHEDULED" },
      after: { status: "IN_PROGRESS", componentStatuses: [{ componentId: components[0]!.id, from: "OPERATIONAL", to: "MAINTENANCE" }, { componentId: components[1]!.id, from: "OPERATIONAL", to: "MAINTENANCE" }] },
    });

    await expect(transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "cancel" } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only scheduled or in progress maintenance can be cancelled; this one is completed.",
    });
    await expect(editMaintenance({ actor: staff, input: { ...input, maintenanceId: window.id } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This maintenance is completed and can no longer be changed.",
    });
    const list = await listMaintenances({ actor: staff });
    expect(list.past.items.map((m) => m.id)).toContain(window.id);
    expect(list.current.map((m) => m.id)).not.toContain(window.id);
  });

  it("is cancelled while running, and the services come back", async () => {
    const { staff, input, statuses } = await scenario();
    const window = await scheduleMaintenance({ actor: staff, input });
    await transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "start" } });
    expect((await statuses())[0]).toBe("MAINTENANCE");
    await transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "cancel" } });
    expect(await statuses()).toEqual(["OPERATIONAL", "OPERATIONAL", "OPERATIONAL"]);
  });

  it("refuses times that make no sense, with a message for the field", async () => {
    const { staff, input } = await scenario();
    const refusal = (change: Record<string, unknown>) => scheduleMaintenance({ actor: staff, input: { ...input, ...change } });
    await expect(refusal({ scheduledEnd: input.scheduledStart })).rejects.toMatchObject({ code: "INVALID", message: "The end must be after the start.", details: { field: "scheduledEnd" } });
    await expect(refusal({ scheduledStart: "2026-02-30T10:00" })).rejects.toMatchObject({ code: "INVALID", details: { field: "scheduledStart" } });
    await expect(refusal({ scheduledStart: "" })).rejects.toMatchObject({ code: "INVALID", message: "Enter the start date and time (UTC).", details: { field: "scheduledStart" } });
    await expect(refusal({ scheduledStart: hoursFromNow(-5), scheduledEnd: hoursFromNow(-4) })).rejects.toMatchObject({
      code: "INVALID",
      message: "The end is already in the past. Maintenance can only be scheduled ahead.",
      details: { field: "scheduledEnd" },
    });
    await expect(refusal({ componentIds: [] })).rejects.toMatchObject({ code: "INVALID", message: "Choose at least one service under maintenance.", details: { field: "componentIds" } });
    await expect(refusal({ componentIds: [2_000_000_000] })).rejects.toMatchObject({ code: "INVALID", details: { field: "componentIds" } });
    expect(await db.maintenance.count({ where: { title: input.title } })).toBe(0);
  });

  it("refuses a subscriber every step", async () => {
    const { staff, subscriber, input } = await scenario();
    await expect(scheduleMaintenance({ actor: subscriber, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const window = await scheduleMaintenance({ actor: staff, input });
    await expect(editMaintenance({ actor: subscriber, input: { ...input, maintenanceId: window.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(transitionMaintenance({ actor: subscriber, input: { maintenanceId: window.id, action: "start" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listMaintenances({ actor: subscriber })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.maintenance.findUniqueOrThrow({ where: { id: window.id } })).status).toBe("SCHEDULED");
  });
});
