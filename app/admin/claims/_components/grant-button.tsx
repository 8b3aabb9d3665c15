"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/form-status";
import type { FormResult } from "@/lib/form-result";
import { grantOfferAction } from "../grant-action";

export function GrantButton({ offerId, title }: { offerId: number; title: string }) {
  const [result, action, pending] = useActionState<FormResult, FormData>(grantOfferAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="offerId" value={offerId} />
      <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={pending}>
        {pending ? "Granting…" : <>Grant to everyone eligible<span className="sr-only">: {title}</span></>}
      </button>
      <FormStatus result={result} />
    </form>
  );
}
