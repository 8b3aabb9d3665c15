"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { toFormFailure, type FormResult } from "@/lib/form-result";
import { hidePost } from "@/lib/forum/hide-post";
import { postReply } from "@/lib/forum/post-reply";
import { setPinned } from "@/lib/forum/set-pinned";
import { unhidePost } from "@/lib/forum/unhide-post";
import { markPublicChange } from "@/lib/public/mark-public-change";

/** Runs one moderation step, then refreshes the queue and the incident's public Q&A. */
async function moderate(work: () => Promise<{ incidentSlug: string }>, message: string, fallback: string): Promise<FormResult> {
  try {
    const { incidentSlug } = await work();
    markPublicChange({ kind: "qa", incidentSlug });
    revalidatePath("/admin/qa");
    return { ok: true, message };
  } catch (error) {
    return toFormFailure(error, fallback);
  }
}

export async function unhideAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return moderate(async () => unhidePost({ actor: await requireStaff(), input: { postId: form.get("postId") } }), "Visible again.", "We could not unhide this post. Please try again.");
}

export async function hideAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return moderate(
    async () => hidePost({ actor: await requireStaff(), input: { postId: form.get("postId"), reason: form.get("reason") } }),
    "Hidden from the public.",
    "We could not hide this post. Please try again.",
  );
}

export async function pinAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const pinned = form.get("pinned") === "true";
  return moderate(async () => setPinned({ actor: await requireStaff(), input: { postId: form.get("postId"), pinned } }), pinned ? "Pinned." : "Unpinned.", "We could not change the pin. Please try again.");
}

export async function answerAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return moderate(
    async () => postReply({ actor: await requireStaff(), input: { questionId: form.get("questionId"), body: form.get("body"), official: true } }),
    "Official answer posted.",
    "We could not post the answer. Please try again.",
  );
}
