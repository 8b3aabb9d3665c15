"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { createTemplate } from "@/lib/incidents/create-template";
import { deleteTemplate } from "@/lib/incidents/delete-template";
import { updateTemplate } from "@/lib/incidents/update-template";

// Templates are never shown to the public, so these change no public page and mark nothing.

const fields = (form: FormData) => ({ name: form.get("name"), status: form.get("status"), body: form.get("body") });

export async function saveTemplateAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const templateId = form.get("templateId");
    const saved = templateId ? await updateTemplate({ actor, input: { templateId, ...fields(form) } }) : await createTemplate({ actor, input: fields(form) });
    revalidatePath("/admin/incidents/templates");
    return { ok: true, message: templateId ? `Template “${saved.name}” saved.` : `Template “${saved.name}” created. It is in the update forms’ picker now.` };
  } catch (error) {
    return toFormFailure(error, "We could not save the template. Please try again.");
  }
}

export async function deleteTemplateAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const deleted = await deleteTemplate({ actor, input: { templateId: form.get("templateId") } });
    revalidatePath("/admin/incidents/templates");
    return { ok: true, message: `Template “${deleted.name}” deleted.` };
  } catch (error) {
    return toFormFailure(error, "We could not delete the template. Please try again.");
  }
}
