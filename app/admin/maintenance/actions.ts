"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { editMaintenance } from "@/lib/maintenance/edit-maintenance";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { transitionMaintenance } from "@/lib/maintenance/transition-maintenance";
import { markPublicChange } from "@/lib/public/mark-public-change";

const fields = (form: FormData) => ({
  title: form.get("title"),
  body: form.get("body"),
  componentIds: form.getAll("componentIds"),
  scheduledStart: form.get("scheduledStart"),
  scheduledEnd: form.get("scheduledEnd"),
});

function published() {
  markPublicChange({ kind: "status" });
  revalidatePath("/admin/maintenance", "layout");
}

export async function scheduleMaintenanceAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  let id: number;
  try {
    const actor = await requireStaff();
    id = (await scheduleMaintenance({ actor, input: fields(form) })).id;
    published();
  } catch (error) {
    return toFormFailure(error, "We could not schedule the maintenance. Nothing was published; please try again.");
  }
  redirect(`/admin/maintenance/${id}?scheduled=1`);
}

export async function editMaintenanceAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const result = await editMaintenance({ actor, input: { maintenanceId: form.get("maintenanceId"), ...fields(form) } });
    if (!result.changed) return { ok: true, message: "Nothing to save: the maintenance is as it was." };
    published();
    return { ok: true, message: "Saved. The status page shows the change." };
  } catch (error) {
    return toFormFailure(error, "We could not save the maintenance. Please try again.");
  }
}

const DONE = {
  start: "Started: the services show maintenance on the status page.",
  complete: "Completed: the services are back to their usual status.",
  cancel: "Cancelled: it no longer shows on the status page.",
} as const;

export async function transitionMaintenanceAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const action = form.get("action");
    await transitionMaintenance({ actor, input: { maintenanceId: form.get("maintenanceId"), action } });
    published();
    return { ok: true, message: DONE[action as keyof typeof DONE] };
  } catch (error) {
    return toFormFailure(error, "We could not change the maintenance. Please try again.");
  }
}
