import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getRestorationDashboard } from "./get-restoration-dashboard";

const staff = { id: "x", email: "support@nimbus.example", role: "SUPPORT" as const };

describe("getRestorationDashboard", () => {
  it("refuses subscribers", async () => {
    await expect(getRestorationDashboard({ ...staff, role: "SUBSCRIBER" }, "subscriber-data-loss")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("counts every record once, per category and state, in plan order", async () => {
    const dashboard = await getRestorationDashboard(staff, "subscriber-data-loss");
    expect(dashboard.rows.map((r) => r.name)).toEqual(["Contacts", "Calendar", "Notes", "Tasks", "Photos", "High scores"]);
    const total = dashboard.rows.reduce((sum, r) => sum + Object.values(r.byState).reduce((a, b) => a + b, 0), 0);
    const incident = await db.incident.findUniqueOrThrow({ where: { slug: "subscriber-data-loss" } });
    expect(total).toBe(await db.restorationRecord.count({ where: { incidentId: incident.id } }));
    const contacts = dashboard.rows[0]!;
    expect(contacts.restored).toBe(contacts.byState.RESTORED);
    const inContacts = Object.values(contacts.byState).reduce((a, b) => a + b, 0);
    expect(contacts.affected).toBe(inContacts - contacts.byState.NOT_AFFECTED);
  });

  it("charts the settled share over time, never above 100%", async () => {
    const { series, categoryNames } = await getRestorationDashboard(staff, "subscriber-data-loss");
    expect(series.length).toBeGreaterThan(0);
    const last = series[series.length - 1]!;
    for (const name of categoryNames) {
      expect(Number(last[name])).toBeGreaterThanOrEqual(0);
      expect(Number(last[name])).toBeLessThanOrEqual(100);
    }
    expect(Number(last.Contacts)).toBeGreaterThan(Number(last.Tasks));
  });

  it("says clearly when the incident does not exist", async () => {
    await expect(getRestorationDashboard(staff, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
