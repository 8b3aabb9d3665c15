"use server";

import { requireUser } from "@/lib/auth/session";
import { toFormFailure } from "@/lib/form-result";
import { updatePreferences } from "@/lib/notifications/preferences";

export type PreferencesState = { ok: boolean; message: string } | null;

export async function savePreferences(_previous: PreferencesState, form: FormData): Promise<PreferencesState> {
  try {
    const actor = await requireUser();
    await updatePreferences({
      actor,
      input: { incidentEmails: form.get("incidentEmails"), digest: form.get("digest"), componentIds: form.getAll("componentIds") },
    });
    return { ok: true, message: "Saved. Your choices apply to the next email we send." };
  } catch (error) {
    return toFormFailure(error, "We could not save your choices. Please try again.");
  }
}
