import { describe, expect, it } from "vitest";
import { MaintenanceStatus } from "@/lib/generated/prisma/enums";
import { allowedMaintenanceActions, applyMaintenanceTransition, MAINTENANCE_ACTIONS, type MaintenanceAction } from "./transitions";

const STATUSES = Object.values(MaintenanceStatus);

// The whole table, written out: every status × every action.
const EXPECTED: Record<MaintenanceStatus, Partial<Record<MaintenanceAction, MaintenanceStatus>>> = {
  SCHEDULED: { start: "IN_PROGRESS", cancel: "CANCELLED" },
  IN_PROGRESS: { complete: "COMPLETED", cancel: "CANCELLED" },
  COMPLETED: {},
  CANCELLED: {},
};

describe("maintenance transitions", () => {
  it("allow exactly scheduled → in progress → completed, and cancelling before completion", () => {
    for (const from of STATUSES) {
      for (const action of MAINTENANCE_ACTIONS) {
        const result = applyMaintenanceTransition(from, action);
        const to = EXPECTED[from][action];
        expect(result, `${action} from ${from}`).toEqual(to ? { ok: true, to } : { ok: false, reason: expect.any(String) });
      }
    }
  });

  it("walks a window through its life", () => {
    let status: MaintenanceStatus = "SCHEDULED";
    for (const action of ["start", "complete"] as const) {
      const step = applyMaintenanceTransition(status, action);
      if (!step.ok) throw new Error(step.reason);
      status = step.to;
    }
    expect(status).toBe("COMPLETED");
    expect(allowedMaintenanceActions(status)).toEqual([]);
  });

  it("says why a move is refused", () => {
    expect(applyMaintenanceTransition("COMPLETED", "start")).toEqual({ ok: false, reason: "Only scheduled maintenance can be started; this one is completed." });
    expect(applyMaintenanceTransition("CANCELLED", "cancel")).toEqual({ ok: false, reason: "Only scheduled or in progress maintenance can be cancelled; this one is cancelled." });
  });

  it("offers the buttons that match the table", () => {
    expect(allowedMaintenanceActions("SCHEDULED")).toEqual(["start", "cancel"]);
    expect(allowedMaintenanceActions("IN_PROGRESS")).toEqual(["complete", "cancel"]);
  });
});
