"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { createIncident } from "@/lib/incidents/create-incident";
import { markPublicChange } from "@/lib/public/mark-public-change";
import { affectedComponentsFrom } from "./form-fields";

export async function createIncidentAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  let id: number;
  try {
    const actor = await requireStaff();
    const created = await createIncident({
      actor,
      input: { title: form.get("title"), impact: form.get("impact"), status: form.get("status"), body: form.get("body"), components: affectedComponentsFrom(form) },
    });
    markPublicChange({ kind: "status", incidentSlugs: [created.slug] });
    revalidatePath("/admin", "layout");
    id = created.id;
  } catch (error) {
    return toFormFailure(error, "We could not open the incident. Nothing was published; please try again.");
  }
  redirect(`/admin/incidents/${id}?opened=1`);
}
