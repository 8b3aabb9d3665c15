import { describe, expect, it } from "vitest";
import { deriveComponentStatus } from "./derive-component-statuses";

describe("deriveComponentStatus", () => {
  it("is operational with nothing going on", () => {
    expect(deriveComponentStatus({ incidentStatuses: [], underMaintenance: false })).toBe("OPERATIONAL");
  });

  it("takes the worst status among the open incidents", () => {
    expect(deriveComponentStatus({ incidentStatuses: ["DEGRADED"], underMaintenance: false })).toBe("DEGRADED");
    expect(deriveComponentStatus({ incidentStatuses: ["DEGRADED", "MAJOR_OUTAGE", "PARTIAL_OUTAGE"], underMaintenance: false })).toBe("MAJOR_OUTAGE");
    expect(deriveComponentStatus({ incidentStatuses: ["PARTIAL_OUTAGE", "DEGRADED"], underMaintenance: true })).toBe("PARTIAL_OUTAGE");
  });

  it("shows maintenance only while nothing is broken", () => {
    expect(deriveComponentStatus({ incidentStatuses: [], underMaintenance: true })).toBe("MAINTENANCE");
    expect(deriveComponentStatus({ incidentStatuses: ["OPERATIONAL"], underMaintenance: true })).toBe("MAINTENANCE");
    expect(deriveComponentStatus({ incidentStatuses: ["DEGRADED"], underMaintenance: true })).toBe("DEGRADED");
  });

  it("counts an incident that lists the component as working as no breakage", () => {
    expect(deriveComponentStatus({ incidentStatuses: ["OPERATIONAL", "OPERATIONAL"], underMaintenance: false })).toBe("OPERATIONAL");
  });
});
