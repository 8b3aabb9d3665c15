"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { fulfilAwaitingClaims } from "@/lib/claims/fulfil-awaiting-claims";
import { importGiftCodes, type ImportGiftCodesResult } from "@/lib/claims/import-gift-codes";
import { toFormFailure } from "@/lib/form-result";

export type ImportCodesState =
  | null
  | { ok: false; message: string; field?: string }
  | ({ ok: true; message: string } & ImportGiftCodesResult);

export async function importCodesAction(_previous: ImportCodesState, form: FormData): Promise<ImportCodesState> {
  try {
    const actor = await requireAdmin();
    const file = form.get("file");
    const pasted = form.get("codes");
    const csv = file instanceof File && file.size > 0 ? await file.text() : typeof pasted === "string" ? pasted : "";
    const offerId = Number(form.get("offerId"));
    const result = await importGiftCodes({ actor, input: { offerId, csv } });
    // Codes have arrived: claims of this offer waiting for one are fulfilled now, oldest first.
    const { fulfilled } = result.imported > 0 ? await fulfilAwaitingClaims({ offerId }) : { fulfilled: 0 };
    revalidatePath("/admin/claims/codes");
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const parts = [`${plural(result.imported, "code")} imported`, `${plural(result.duplicates, "duplicate")} already in the pool`];
    if (result.rejected.length > 0) parts.push(`${plural(result.rejected.length, "line")} refused`);
    if (fulfilled > 0) parts.push(`${plural(fulfilled, "waiting claim")} fulfilled`);
    return { ok: true, message: `${parts.join(", ")}.`, ...result };
  } catch (error) {
    return toFormFailure(error, "We could not import these codes. Nothing was changed; please try again.");
  }
}
