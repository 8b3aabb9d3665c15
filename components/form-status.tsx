import type { FormResult } from "@/lib/form-result";

/** The outcome of a form's last submit, announced to screen readers as it changes. */
export function FormStatus({ result, id }: { result: FormResult; id?: string }) {
  return (
    <p
      id={id}
      role="status"
      className={
        !result
          ? "sr-only"
          : `rounded-lg p-3 text-sm ${result.ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`
      }
    >
      {result?.message}
    </p>
  );
}
