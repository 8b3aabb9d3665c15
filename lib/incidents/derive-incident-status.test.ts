import { describe, expect, it } from "vitest";
import { incidentStateAfter } from "./derive-incident-status";

const at = (iso: string) => new Date(iso);

describe("incidentStateAfter", () => {
  it("follows the latest update", () => {
    expect(incidentStateAfter({ resolvedAt: null }, { status: "IDENTIFIED", createdAt: at("2026-11-20T10:00:00Z") })).toEqual({ status: "IDENTIFIED", resolvedAt: null });
    expect(incidentStateAfter({ resolvedAt: null }, null)).toEqual({ status: "INVESTIGATING", resolvedAt: null });
  });

  it("resolves at the time of the resolving update", () => {
    expect(incidentStateAfter({ resolvedAt: null }, { status: "RESOLVED", createdAt: at("2026-11-20T12:00:00Z") })).toEqual({ status: "RESOLVED", resolvedAt: at("2026-11-20T12:00:00Z") });
  });

  it("keeps the original resolution time when a further resolved note is posted", () => {
    expect(incidentStateAfter({ resolvedAt: at("2026-11-20T12:00:00Z") }, { status: "RESOLVED", createdAt: at("2026-11-21T08:00:00Z") })).toEqual({
      status: "RESOLVED",
      resolvedAt: at("2026-11-20T12:00:00Z"),
    });
  });

  it("reopens on an update with any other status", () => {
    expect(incidentStateAfter({ resolvedAt: at("2026-11-20T12:00:00Z") }, { status: "INVESTIGATING", createdAt: at("2026-11-21T08:00:00Z") })).toEqual({ status: "INVESTIGATING", resolvedAt: null });
  });
});
