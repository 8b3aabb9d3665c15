"use server";

import { redirect } from "next/navigation";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { unsubscribeEverything, updateEmailPreferences } from "@/lib/notifications/subscriptions/update-email-preferences";
import { unsubscribeList } from "@/lib/notifications/subscriptions/unsubscribe-list";
import { preferencesFields } from "../preferences-fields";

// The signed token is the only authority here: these actions never read a session.

export async function saveEmailPreferences(token: string, _previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    await updateEmailPreferences({ token, input: preferencesFields(form) });
    return { ok: true, message: "Saved. Your choices apply to the next email we send." };
  } catch (error) {
    return toFormFailure(error, "We could not save your choices. Please try again.");
  }
}

export async function unsubscribeFromEverything(token: string, _previous: FormResult): Promise<FormResult> {
  try {
    await unsubscribeEverything({ token });
  } catch (error) {
    return toFormFailure(error, "We could not unsubscribe you just now. Please try again.");
  }
  redirect(`/preferences/${encodeURIComponent(token)}?done=everything`);
}

export async function stopList(token: string, list: string, _previous: FormResult): Promise<FormResult> {
  try {
    await unsubscribeList({ token, list });
  } catch (error) {
    return toFormFailure(error, "We could not unsubscribe you just now. Please try again.");
  }
  redirect(`/preferences/${encodeURIComponent(token)}?done=${encodeURIComponent(list)}`);
}
