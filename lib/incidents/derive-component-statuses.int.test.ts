import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { transitionMaintenance } from "@/lib/maintenance/transition-maintenance";
import { createIncident } from "./create-incident";
import { deriveComponentStatus } from "./derive-component-statuses";
import { hoursFromNow, makeIncidentScenario } from "./incident-test-scenario";
import { postUpdate } from "./post-update";

describe("component statuses (PostgreSQL)", () => {
  it("follow two overlapping incidents and a maintenance window through their lives", async () => {
    const { staff, components, statuses, title } = await makeIncidentScenario(3);
    const [a, b, c] = components.map((x) => x.id) as [number, number, number];
    const open = (name: string, affected: { componentId: number; status: string }[]) =>
      createIncident({ actor: staff, input: { title: title(name), impact: "MAJOR", components: affected, status: "INVESTIGATING", body: "Looking." } });

    const first = await open("First", [{ componentId: a, status: "DEGRADED" }, { componentId: b, status: "PARTIAL_OUTAGE" }]);
    expect(await statuses()).toEqual(["DEGRADED", "PARTIAL_OUTAGE", "OPERATIONAL"]);

    const second = await open("Second", [{ componentId: a, status: "MAJOR_OUTAGE" }]);
    expect(await statuses()).toEqual(["MAJOR_OUTAGE", "PARTIAL_OUTAGE", "OPERATIONAL"]);

    const window = await scheduleMaintenance({ actor: staff, input: { title: title("Window"), body: "Upgrading.", componentIds: [b, c], scheduledStart: hoursFromNow(1), scheduledEnd: hoursFromNow(2) } });
    expect(await statuses()).toEqual(["MAJOR_OUTAGE", "PARTIAL_OUTAGE", "OPERATIONAL"]);

    await transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "start" } });
    expect(await statuses()).toEqual(["MAJOR_OUTAGE", "PARTIAL_OUTAGE", "MAINTENANCE"]);

    await postUpdate({ actor: staff, input: { incidentId: second.id, status: "RESOLVED", body: "Fixed." } });
    expect(await statuses()).toEqual(["DEGRADED", "PARTIAL_OUTAGE", "MAINTENANCE"]);

    await postUpdate({ actor: staff, input: { incidentId: first.id, status: "RESOLVED", body: "Fixed." } });
    expect(await statuses()).toEqual(["OPERATIONAL", "MAINTENANCE", "MAINTENANCE"]);

    await postUpdate({ actor: staff, input: { incidentId: first.id, status: "IDENTIFIED", body: "It came back." } });
    expect(await statuses()).toEqual(["DEGRADED", "PARTIAL_OUTAGE", "MAINTENANCE"]);

    await transitionMaintenance({ actor: staff, input: { maintenanceId: window.id, action: "complete" } });
    expect(await statuses()).toEqual(["DEGRADED", "PARTIAL_OUTAGE", "OPERATIONAL"]);

    await postUpdate({ actor: staff, input: { incidentId: first.id, status: "RESOLVED", body: "Fixed for good." } });
    expect(await statuses()).toEqual(["OPERATIONAL", "OPERATIONAL", "OPERATIONAL"]);
  });

  it("end right when two incidents sharing a service are resolved at the same moment", async () => {
    const { staff, components, statuses, title } = await makeIncidentScenario(1);
    const shared = [{ componentId: components[0]!.id, status: "MAJOR_OUTAGE" }];
    const incidents = await Promise.all(
      ["One", "Two", "Three"].map((name) => createIncident({ actor: staff, input: { title: title(name), impact: "MAJOR", components: shared, status: "INVESTIGATING", body: "Looking." } })),
    );
    expect(await statuses()).toEqual(["MAJOR_OUTAGE"]);
    await Promise.all(incidents.map((i) => postUpdate({ actor: staff, input: { incidentId: i.id, status: "RESOLVED", body: "Fixed." } })));
    expect(await statuses()).toEqual(["OPERATIONAL"]);
  });
});

describe("the demo seed", () => {
  it("stores the service statuses that derivation gives", async () => {
    const components = await db.component.findMany({
      where: { slug: { in: ["sync", "contacts", "calendar", "notes-tasks", "photos", "games", "web-portal", "sign-in"] } },
      select: {
        slug: true,
        status: true,
        incidents: { where: { incident: { status: { not: "RESOLVED" } } }, select: { status: true } },
        maintenances: { where: { maintenance: { status: "IN_PROGRESS" } }, select: { maintenanceId: true } },
      },
    });
    expect(components).toHaveLength(8);
    for (const c of components) {
      const derived = deriveComponentStatus({ incidentStatuses: c.incidents.map((i) => i.status), underMaintenance: c.maintenances.length > 0 });
      expect(c.status, c.slug).toBe(derived);
    }
  });
});
