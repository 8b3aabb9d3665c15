import type { ComponentStatus, IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";
import type { OverallStatus } from "@/lib/incidents/overall-status";
import type { Tone } from "./status-pill";

export const COMPONENT_TONE: Record<ComponentStatus, Tone> = {
  OPERATIONAL: "ok",
  DEGRADED: "warn",
  PARTIAL_OUTAGE: "bad",
  MAJOR_OUTAGE: "bad",
  MAINTENANCE: "info",
};

export const OVERALL_TONE: Record<OverallStatus, Tone> = { OPERATIONAL: "ok", DEGRADED: "warn", OUTAGE: "bad", MAINTENANCE: "info" };

export const IMPACT_TONE: Record<IncidentImpact, Tone> = { NONE: "neutral", MINOR: "warn", MAJOR: "bad", CRITICAL: "bad" };

export const INCIDENT_STATUS_TONE: Record<IncidentStatus, Tone> = { INVESTIGATING: "bad", IDENTIFIED: "warn", MONITORING: "info", RESOLVED: "ok" };
