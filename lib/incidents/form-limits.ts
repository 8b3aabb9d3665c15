// Limits and choices shared by the incident use cases and the staff forms. No imports, so client
// components can use them without pulling validation or database code into the browser bundle.

export const UPDATE_BODY_MAX = 20_000;
export const POSTMORTEM_MAX = 50_000;

/** What a service can be during an incident; MAINTENANCE belongs to maintenance windows. */
export const INCIDENT_COMPONENT_STATUSES = ["DEGRADED", "PARTIAL_OUTAGE", "MAJOR_OUTAGE", "OPERATIONAL"] as const;
