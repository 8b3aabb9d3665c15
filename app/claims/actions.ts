"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getFraudSignals } from "@/lib/claims/fraud-signals";
import { submitClaim } from "@/lib/claims/submit-claim";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { browserDeviceId } from "@/lib/security/device-id";
import { clientIp } from "@/lib/security/client-ip";

export async function submitClaimAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  let number: string;
  try {
    const actor = await requireUser();
    const offerIds = [...form.entries()].filter(([key, value]) => key.startsWith("offer") && value !== "").map(([, value]) => value);
    const result = await submitClaim({
      actor,
      input: {
        incidentId: form.get("incidentId"),
        offerIds,
        giftCardEmail: form.get("giftCardEmail") ?? undefined,
        attested: form.get("attested") === "yes",
        idempotencyKey: form.get("idempotencyKey"),
      },
      context: { ip: clientIp(await headers()), deviceId: await browserDeviceId(), afterResponse: after, autoApprove: getFraudSignals },
    });
    number = result.number;
  } catch (error) {
    return toFormFailure(error, "We could not submit your claim. Nothing was lost: please try again.");
  }
  redirect(`/claims/${number}?submitted=1`);
}
