import { toAppError } from "@/lib/errors";

/** What a server action tells its form: a message to show, and the field at fault if any. */
export type FormResult = { ok: boolean; message: string; field?: string } | null;

/** A refusal as the form shows it: the safe message of a known error, or a generic one (logged). */
export function toFormFailure(error: unknown, fallback: string): { ok: false; message: string; field?: string } {
  const appError = toAppError(error);
  if (!appError) console.error(error);
  const field = appError?.details?.field;
  return { ok: false, message: appError?.message ?? fallback, field: typeof field === "string" ? field : undefined };
}
