"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { markPublicChange } from "@/lib/public/mark-public-change";
import { STATE_NAME } from "@/lib/restoration/staff-copy";
import { transitionRecord } from "@/lib/restoration/transition-record";

const FIELDS = ["userId", "incidentId", "categoryId", "expectedState", "toState", "itemsLost", "itemsRecovered", "itemsRestored", "note"] as const;

export async function transitionRecordAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  try {
    const actor = await requireStaff();
    const result = await transitionRecord({ actor, input: Object.fromEntries(FIELDS.map((name) => [name, form.get(name)])) });
    revalidatePath(`/admin/restoration/subscribers/${result.userId}`);
    markPublicChange({ kind: "status" });
    const change = result.fromState ? `${STATE_NAME[result.fromState]} → ${STATE_NAME[result.state]}` : `started as ${STATE_NAME[result.state]}`;
    return { ok: true, message: `Saved (${change}). The change is in the history below.` };
  } catch (error) {
    return toFormFailure(error, "We could not change this record. Please try again.");
  }
}
