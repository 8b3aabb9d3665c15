"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { markPublicChange } from "@/lib/public/mark-public-change";
import { movePhase } from "@/lib/restoration/move-phase";
import { updatePhase } from "@/lib/restoration/update-phase";

export async function savePhase(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    await updatePhase({
      actor,
      input: {
        phaseId: form.get("phaseId"),
        plannedStart: form.get("plannedStart"),
        plannedEnd: form.get("plannedEnd"),
        state: form.get("state"),
        parallelWithPrevious: form.get("parallelWithPrevious"),
      },
    });
    revalidatePath("/admin/restoration/plan");
    // The projection, the public progress and a data incident's degraded days all follow the plan.
    markPublicChange({ kind: "status" });
    return { ok: true, message: "Saved." };
  } catch (error) {
    return toFormFailure(error, "We could not save this phase. Please try again.");
  }
}

export async function movePhaseAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    await movePhase({ actor, input: { phaseId: form.get("phaseId"), direction: form.get("direction") } });
    revalidatePath("/admin/restoration/plan");
    markPublicChange({ kind: "status" });
    return { ok: true, message: form.get("direction") === "up" ? "Moved earlier in the plan." : "Moved later in the plan." };
  } catch (error) {
    return toFormFailure(error, "We could not move this phase. Please try again.");
  }
}
