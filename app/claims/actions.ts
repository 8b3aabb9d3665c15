"use server";

import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getFraudSignals } from "@/lib/claims/fraud-signals";
import { submitClaim } from "@/lib/claims/submit-claim";
import { env } from "@/lib/env";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { clientIp } from "@/lib/security/client-ip";

const DEVICE_COOKIE = "aftercare_device";

/** A long-lived random id per browser: claims from one device across accounts are a fraud signal. */
async function deviceId(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(DEVICE_COOKIE)?.value;
  if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
  const id = randomUUID();
  jar.set(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: env().NEXTAUTH_URL.startsWith("https:"), maxAge: 60 * 60 * 24 * 400, path: "/" });
  return id;
}

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
      context: { ip: clientIp(await headers(), env().TRUSTED_PROXY_HOPS), deviceId: await deviceId(), afterResponse: after, autoApprove: getFraudSignals },
    });
    number = result.number;
  } catch (error) {
    return toFormFailure(error, "We could not submit your claim. Nothing was lost: please try again.");
  }
  redirect(`/claims/${number}?submitted=1`);
}
