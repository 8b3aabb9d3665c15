"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { grantAutomaticOffers } from "@/lib/claims/grant-automatic-offers";
import { toFormFailure, type FormResult } from "@/lib/form-result";

export async function grantOfferAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const { granted } = await grantAutomaticOffers({ actor, input: { offerId: form.get("offerId") } });
    revalidatePath("/admin/claims");
    return { ok: true, message: granted === 0 ? "Everyone eligible already has it: nothing new to grant." : `Granted to ${granted} more ${granted === 1 ? "subscriber" : "subscribers"}; each gets an email.` };
  } catch (error) {
    return toFormFailure(error, "We could not grant this offer. Please try again.");
  }
}
