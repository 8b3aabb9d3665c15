import type { z } from "zod";
import { Invalid } from "@/lib/errors";

/**
 * Validates a use case's input and turns the first problem into an Invalid error whose message
 * can be shown as it is, naming the field so a form can point at it.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const field = first?.path.map(String).join(".") || undefined;
  throw Invalid(first?.message ?? "Please check what you entered.", field ? { field } : undefined);
}
