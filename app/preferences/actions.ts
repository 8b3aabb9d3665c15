"use server";

import { requireUser } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { updatePreferences } from "@/lib/notifications/preferences";
import { preferencesFields } from "./preferences-fields";

export async function savePreferences(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireUser();
    await updatePreferences({ actor, input: preferencesFields(form) });
    return { ok: true, message: "Saved. Your choices apply to the next email we send." };
  } catch (error) {
    return toFormFailure(error, "We could not save your choices. Please try again.");
  }
}
