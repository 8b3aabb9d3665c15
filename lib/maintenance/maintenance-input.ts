import { z } from "zod";
import { parseUtcDateTimeLocal } from "@/lib/restoration/utc-datetime";

// Fields shared by the maintenance use cases and the staff forms that submit them.

export const MaintenanceId = z.coerce.number({ error: "That maintenance window does not exist. Reload the page." }).int().positive("That maintenance window does not exist. Reload the page.");

/** A datetime-local value, read as UTC (staff enter and read maintenance times in UTC). */
const UtcTime = (what: string) =>
  z.string({ error: `Enter the ${what} date and time (UTC).` }).transform((value, ctx) => {
    if (value.trim() === "") {
      ctx.addIssue({ code: "custom", message: `Enter the ${what} date and time (UTC).` });
      return z.NEVER;
    }
    const date = parseUtcDateTimeLocal(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `Enter a real ${what} date and time, such as 2026-12-01 02:00 (UTC).` });
      return z.NEVER;
    }
    return date;
  });

const MaintenanceShape = z.object({
  title: z.string({ error: "Give the maintenance a title." }).trim().min(3, "Give the maintenance a title of at least 3 characters.").max(200, "Keep the title to 200 characters or fewer."),
  body: z
    .string({ error: "Describe the maintenance." })
    .trim()
    .min(1, "Describe what will happen and what subscribers will notice.")
    .max(20_000, "Keep the description to 20,000 characters or fewer."),
  componentIds: z
    .array(z.coerce.number().int().positive(), { error: "Choose the services under maintenance." })
    .min(1, "Choose at least one service under maintenance.")
    .transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
  scheduledStart: UtcTime("start"),
  scheduledEnd: UtcTime("end"),
});

const endAfterStart = (v: { scheduledStart: Date; scheduledEnd: Date }) => v.scheduledEnd.getTime() > v.scheduledStart.getTime();
const END_AFTER_START = { message: "The end must be after the start.", path: ["scheduledEnd"] };

export const MaintenanceFields = MaintenanceShape.refine(endAfterStart, END_AFTER_START);

export const EditMaintenanceInput = MaintenanceShape.extend({ maintenanceId: MaintenanceId }).refine(endAfterStart, END_AFTER_START);

export type MaintenanceData = z.output<typeof MaintenanceFields>;
