"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { decideClaims } from "@/lib/claims/decide-claims";
import { toFormFailure, type FormResult } from "@/lib/form-result";

/** One form serves both the per-row buttons ("APPROVE:42") and the bulk ones ("APPROVE:selected"). */
export async function decideClaimsAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const [decision, target] = String(form.get("decide") ?? "").split(":");
    const claimIds = target === "selected" ? form.getAll("claimId") : [target];
    const { decided, refused } = await decideClaims({ actor, input: { claimIds, decision, reason: form.get("reason") ?? "" } });
    revalidatePath("/admin/claims");
    const verb = decision === "DENY" ? "Denied" : "Approved";
    const waiting = decided.filter((d) => d.status === "AWAITING_CODE").length;
    const parts = [
      decided.length ? `${verb} ${decided.length === 1 ? `claim ${decided[0]!.number}` : `${decided.length} claims`}.` : "",
      waiting ? `${waiting} waiting for gift-card codes: the pool is empty; they are fulfilled when codes are imported.` : "",
      refused.length ? `Not changed: ${refused.map((r) => r.message).join(" ")}` : "",
    ];
    return { ok: refused.length === 0, message: parts.filter(Boolean).join(" ") };
  } catch (error) {
    return toFormFailure(error, "We could not record this decision. Please try again.");
  }
}
