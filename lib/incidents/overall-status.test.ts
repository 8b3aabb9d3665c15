import { describe, expect, it } from "vitest";
import { overallStatus } from "./overall-status";

describe("overallStatus", () => {
  it("is operational when every component is", () => {
    expect(overallStatus([])).toBe("OPERATIONAL");
    expect(overallStatus(["OPERATIONAL", "OPERATIONAL"])).toBe("OPERATIONAL");
  });

  it("follows the worst component", () => {
    expect(overallStatus(["OPERATIONAL", "DEGRADED"])).toBe("DEGRADED");
    expect(overallStatus(["DEGRADED", "PARTIAL_OUTAGE", "MAINTENANCE"])).toBe("OUTAGE");
    expect(overallStatus(["MAJOR_OUTAGE", "OPERATIONAL"])).toBe("OUTAGE");
  });

  it("reports maintenance only when nothing is actually broken", () => {
    expect(overallStatus(["OPERATIONAL", "MAINTENANCE"])).toBe("MAINTENANCE");
    expect(overallStatus(["DEGRADED", "MAINTENANCE"])).toBe("DEGRADED");
  });
});
