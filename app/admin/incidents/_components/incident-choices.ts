import type { IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";

// The choices the staff incident forms offer, in the order they are offered.

export const IMPACT_CHOICES: { value: IncidentImpact; label: string }[] = [
  { value: "NONE", label: "None: information only" },
  { value: "MINOR", label: "Minor: a few, or a workaround" },
  { value: "MAJOR", label: "Major: many people affected" },
  { value: "CRITICAL", label: "Critical: data or service lost" },
];

export const STATUS_CHOICES: { value: IncidentStatus; label: string }[] = [
  { value: "INVESTIGATING", label: "Investigating: looking into it" },
  { value: "IDENTIFIED", label: "Identified: cause known" },
  { value: "MONITORING", label: "Monitoring: fix in place" },
  { value: "RESOLVED", label: "Resolved: it is over" },
];
