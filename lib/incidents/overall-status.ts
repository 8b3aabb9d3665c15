import type { ComponentStatus } from "@/lib/generated/prisma/enums";

export type OverallStatus = "OPERATIONAL" | "DEGRADED" | "OUTAGE" | "MAINTENANCE";

/**
 * How bad each component status is; the worst one wins wherever statuses are combined.
 * Maintenance is planned, so it ranks below any breakage.
 */
export const COMPONENT_SEVERITY: Record<ComponentStatus, number> = {
  OPERATIONAL: 0,
  MAINTENANCE: 1,
  DEGRADED: 2,
  PARTIAL_OUTAGE: 3,
  MAJOR_OUTAGE: 4,
};

/** The banner at the top of the status page follows the worst component status. */
export function overallStatus(statuses: ComponentStatus[]): OverallStatus {
  const worst = statuses.reduce<ComponentStatus>((w, s) => (COMPONENT_SEVERITY[s] > COMPONENT_SEVERITY[w] ? s : w), "OPERATIONAL");
  if (worst === "MAJOR_OUTAGE" || worst === "PARTIAL_OUTAGE") return "OUTAGE";
  if (worst === "DEGRADED") return "DEGRADED";
  if (worst === "MAINTENANCE") return "MAINTENANCE";
  return "OPERATIONAL";
}

export const OVERALL_LABEL: Record<OverallStatus, string> = {
  OPERATIONAL: "All systems operational",
  DEGRADED: "Some services are degraded",
  OUTAGE: "We are dealing with an outage",
  MAINTENANCE: "Scheduled maintenance in progress",
};

export const COMPONENT_LABEL: Record<ComponentStatus, string> = {
  OPERATIONAL: "Operational",
  DEGRADED: "Degraded",
  PARTIAL_OUTAGE: "Partial outage",
  MAJOR_OUTAGE: "Major outage",
  MAINTENANCE: "Maintenance",
};
