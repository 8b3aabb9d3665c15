"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { liftSuppression } from "@/lib/notifications/admin/lift-suppression";
import { retryDeadMessages } from "@/lib/notifications/admin/retry-dead-messages";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One form serves the per-message buttons ("retry" = id) and "Retry all" ("retry" = "all"). */
export async function retryAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const target = String(form.get("retry") ?? "");
    const input = target === "all" ? { scope: "all", q: form.get("q") ?? "", includeFailed: form.get("includeFailed") === "on" } : { scope: "one", id: target };
    const result = await retryDeadMessages({ actor, input });
    revalidatePath("/admin/email");
    if (result.scope === "one") return { ok: true, message: `Message ${result.id} to ${result.toEmail} is queued again; the worker sends it next.` };
    const skipped = [
      result.skippedSuppressed ? `${plural(result.skippedSuppressed, "message stays", "messages stay")} dead because the address is suppressed.` : "",
      result.skippedSuperseded ? `${plural(result.skippedSuperseded, "message stays", "messages stay")} dead because a newer message with the same news is queued.` : "",
    ];
    const head = result.requeued === 0 ? "Nothing to retry." : `${plural(result.requeued, "message is", "messages are")} queued again.`;
    return { ok: true, message: [head, ...skipped].filter(Boolean).join(" ") };
  } catch (error) {
    return toFormFailure(error, "We could not requeue this. Please try again.");
  }
}

export async function liftSuppressionAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const { email } = await liftSuppression({ actor, input: { email: form.get("email") ?? "", note: form.get("note") ?? "" } });
    revalidatePath("/admin/email");
    return { ok: true, message: `${email} may get email again. Dead or failed messages to it can now be retried.` };
  } catch (error) {
    return toFormFailure(error, "We could not lift this suppression. Please try again.");
  }
}
