"use server";

import { headers } from "next/headers";
import { requireUser } from "@/lib/auth/session";
import { revealGiftCode } from "@/lib/claims/reveal-gift-code";
import { toFormFailure } from "@/lib/form-result";
import { clientIp } from "@/lib/security/client-ip";

export type RevealResult = { ok: true; code: string } | { ok: false; message: string } | null;

export async function revealCodeAction(_previous: RevealResult, form: FormData): Promise<RevealResult> {
  try {
    const actor = await requireUser();
    const { code } = await revealGiftCode({ actor, input: { claimItemId: form.get("claimItemId") }, ip: clientIp(await headers()) });
    return { ok: true, code };
  } catch (error) {
    return toFormFailure(error, "We could not show your code. Please try again.");
  }
}
