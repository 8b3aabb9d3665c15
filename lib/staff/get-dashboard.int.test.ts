import { describe, expect, it } from "vitest";
import { getStaffDashboard } from "./get-dashboard";

describe("getStaffDashboard", () => {
  it("refuses a subscriber even if a route forgot to check", async () => {
    await expect(getStaffDashboard({ id: "x", email: "sam.rivera@example.com", role: "SUBSCRIBER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("summarises open incidents and restoration for staff", async () => {
    const dashboard = await getStaffDashboard({ id: "x", email: "support@nimbus.example", role: "SUPPORT" });
    expect(dashboard.activeIncidents.map((i) => i.slug)).toContain("subscriber-data-loss");
    expect(dashboard.subscriberCount).toBeGreaterThanOrEqual(200);
    expect(dashboard.restoredRecords).toBeGreaterThan(0);
    expect(dashboard.restoredRecords).toBeLessThan(dashboard.affectedRecords);
  });
});
