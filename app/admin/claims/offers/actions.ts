"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { createOffer } from "@/lib/claims/create-offer";
import { updateOffer } from "@/lib/claims/update-offer";
import { toFormFailure, type FormResult } from "@/lib/form-result";

const FIELDS = ["kind", "title", "description", "months", "value", "eligibility", "mode", "exclusiveGroup", "opensAt", "closesAt", "autoApprove"] as const;

function offerInput(form: FormData): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, form.get(field) ?? ""]));
}

export async function createOfferAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const offer = await createOffer({ actor, input: { incidentId: form.get("incidentId"), ...offerInput(form) } });
    revalidatePath("/admin/claims/offers");
    return { ok: true, message: `Offer “${offer.title}” added.` };
  } catch (error) {
    return toFormFailure(error, "We could not add this offer. Please try again.");
  }
}

export async function updateOfferAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const { warning } = await updateOffer({ actor, input: { offerId: form.get("offerId"), ...offerInput(form) } });
    revalidatePath("/admin/claims/offers");
    return { ok: true, message: warning ?? "Saved." };
  } catch (error) {
    return toFormFailure(error, "We could not save this offer. Please try again.");
  }
}
