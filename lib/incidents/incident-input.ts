import { z } from "zod";
import { IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";
import { INCIDENT_COMPONENT_STATUSES, UPDATE_BODY_MAX } from "./form-limits";

// Fields shared by the incident use cases and the staff forms that submit them.

export const IncidentId = z.coerce.number({ error: "That incident does not exist. Reload the page." }).int().positive("That incident does not exist. Reload the page.");

export const IncidentTitle = z
  .string({ error: "Give the incident a title." })
  .trim()
  .min(3, "Give the incident a title of at least 3 characters.")
  .max(200, "Keep the title to 200 characters or fewer.");

export const Impact = z.enum(IncidentImpact, { error: "Choose the impact: none, minor, major or critical." });

export const UpdateStatus = z.enum(IncidentStatus, { error: "Choose the status this update reports: investigating, identified, monitoring or resolved." });

export const UpdateBody = z
  .string({ error: "Write the update." })
  .trim()
  .min(1, "Write the update: what is happening and what subscribers should do.")
  .max(UPDATE_BODY_MAX, `Keep the update to ${UPDATE_BODY_MAX.toLocaleString("en-US")} characters or fewer.`);

export const AffectedComponents = z
  .array(
    z.object({
      componentId: z.coerce.number().int().positive(),
      status: z.enum(INCIDENT_COMPONENT_STATUSES, { error: "Choose how each affected service is: degraded, partial outage, major outage or operational." }),
    }),
    { error: "Choose the affected services." },
  )
  .min(1, "Choose at least one affected service.")
  .refine((list) => new Set(list.map((c) => c.componentId)).size === list.length, "Each service can be listed only once.");

export type AffectedComponent = z.output<typeof AffectedComponents>[number];
