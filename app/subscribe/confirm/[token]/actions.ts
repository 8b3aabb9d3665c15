"use server";

import { toFormFailure } from "@/lib/form-result";
import { confirmSubscription } from "@/lib/notifications/subscriptions/confirm-subscription";

export type ConfirmState = { ok: true; preferencesPath: string } | { ok: false; message: string } | null;

export async function confirmByLink(token: string, _previous: ConfirmState): Promise<ConfirmState> {
  try {
    const { preferencesPath } = await confirmSubscription({ token });
    return { ok: true, preferencesPath };
  } catch (error) {
    return toFormFailure(error, "We could not confirm your subscription just now. Please try again.");
  }
}
