import type { IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};

export const IMPACT_LABEL: Record<IncidentImpact, string> = {
  NONE: "No impact",
  MINOR: "Minor",
  MAJOR: "Major",
  CRITICAL: "Critical",
};
