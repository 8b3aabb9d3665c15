import type { IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";

// The choices the staff incident forms offer, in the order they are offered.

export const IMPACT_CHOICES: { value: IncidentImpact; label: string }[] = [
  { value: "NONE", label: "None: informational" },
  { value: "MINOR", label: "Minor: some people, a workaround exists" },
  { value: "MAJOR", label: "Major: many people or an important feature" },
  { value: "CRITICAL", label: "Critical: data or service lost for many" },
];

export const STATUS_CHOICES: { value: IncidentStatus; label: string }[] = [
  { value: "INVESTIGATING", label: "Investigating: we know something is wrong" },
  { value: "IDENTIFIED", label: "Identified: we know the cause" },
  { value: "MONITORING", label: "Monitoring: a fix is in, we are watching" },
  { value: "RESOLVED", label: "Resolved: it is over" },
];
