import { z } from "zod";
import { UpdateBody, UpdateStatus } from "./incident-input";

export const TemplateId = z.coerce.number({ error: "That template does not exist. Reload the page." }).int().positive("That template does not exist. Reload the page.");

export const TemplateFields = z.object({
  name: z.string({ error: "Name the template." }).trim().min(1, "Name the template, for example “Restoration progress”.").max(80, "Keep the name to 80 characters or fewer."),
  status: UpdateStatus,
  body: UpdateBody,
});

export const templateNameTaken = (name: string) => `There is already a template called “${name}”. Choose another name.`;

/** Prisma's unique violation on the template name, raised when two people save the same name at once. */
export const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
