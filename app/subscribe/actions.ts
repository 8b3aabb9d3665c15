"use server";

import { headers } from "next/headers";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { subscribe } from "@/lib/notifications/subscriptions/subscribe";
import { clientIp } from "@/lib/security/client-ip";

export async function subscribeByEmail(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const { message } = await subscribe({
      input: { email: form.get("email") ?? "", scope: form.get("scope"), componentIds: form.getAll("componentIds") },
      ip: clientIp(await headers()),
    });
    return { ok: true, message };
  } catch (error) {
    return toFormFailure(error, "We could not take your subscription just now. Please try again.");
  }
}
