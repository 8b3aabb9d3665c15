import type { FormResult } from "@/lib/form-result";

/**
 * aria attributes that tie a field to the form's status message when the last submit was refused
 * because of it. A field also matches its nested paths ("components" matches "components.0.status").
 */
export function fieldErrorProps(result: FormResult, statusId: string, ...fields: string[]): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const field = result?.ok === false ? result.field : undefined;
  if (!field || !fields.some((f) => field === f || field.startsWith(`${f}.`))) return {};
  return { "aria-invalid": true, "aria-describedby": statusId };
}
