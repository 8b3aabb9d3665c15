"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { editIncident } from "@/lib/incidents/edit-incident";
import { editUpdate } from "@/lib/incidents/edit-update";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { postUpdate } from "@/lib/incidents/post-update";
import { savePostmortem } from "@/lib/incidents/save-postmortem";
import { markPublicChange } from "@/lib/public/mark-public-change";
import { affectedComponentsFrom } from "../form-fields";

// Every change here is public: the status page, the incident page and the feeds are told at once.
function published(slug: string, incidentId: unknown) {
  markPublicChange({ kind: "status", incidentSlugs: [slug] });
  revalidatePath(`/admin/incidents/${String(incidentId)}`);
  revalidatePath("/admin/incidents");
}

export async function postUpdateAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const incidentId = form.get("incidentId");
    const posted = await postUpdate({
      actor,
      input: {
        incidentId,
        status: form.get("status"),
        body: form.get("body"),
        components: form.get("changeComponents") === "on" ? affectedComponentsFrom(form) : undefined,
      },
    });
    published(posted.slug, incidentId);
    const status = INCIDENT_STATUS_LABEL[posted.incidentStatus].toLowerCase();
    return { ok: true, message: `Update posted. The incident is now ${status}${posted.componentsChanged ? " and its services are updated" : ""}; the status page shows it.` };
  } catch (error) {
    return toFormFailure(error, "We could not post the update. Nothing was published; your text is still here, please try again.");
  }
}

export async function editIncidentAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const incidentId = form.get("incidentId");
    const result = await editIncident({ actor, input: { incidentId, title: form.get("title"), impact: form.get("impact"), components: affectedComponentsFrom(form) } });
    if (!result.changed) return { ok: true, message: "Nothing to save: the details are as they were." };
    published(result.slug, incidentId);
    return { ok: true, message: "Details saved." };
  } catch (error) {
    return toFormFailure(error, "We could not save the details. Please try again.");
  }
}

export async function editUpdateAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const result = await editUpdate({ actor, input: { updateId: form.get("updateId"), body: form.get("body") } });
    if (!result.changed) return { ok: true, message: "Nothing to save: the text is as it was." };
    published(result.slug, form.get("incidentId"));
    return { ok: true, message: "Correction saved. The update now shows it was edited." };
  } catch (error) {
    return toFormFailure(error, "We could not save the correction. Please try again.");
  }
}

function postmortemMessage(intent: unknown, published: boolean): string {
  if (intent === "publish") return "Published: the postmortem is on the incident page.";
  if (intent === "unpublish") return "Unpublished: the postmortem is no longer public. The text is kept as a draft.";
  return published ? "Saved. The published postmortem shows the new text." : "Draft saved. Only staff can see it.";
}

export async function savePostmortemAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const incidentId = form.get("incidentId");
    const intent = form.get("intent");
    const result = await savePostmortem({ actor, input: { incidentId, body: form.get("body"), intent } });
    if (!result.changed) return { ok: true, message: "Nothing to save: the postmortem is as it was." };
    published(result.slug, incidentId);
    return { ok: true, message: postmortemMessage(intent, result.published) };
  } catch (error) {
    return toFormFailure(error, "We could not save the postmortem. Your text is still here; please try again.");
  }
}
