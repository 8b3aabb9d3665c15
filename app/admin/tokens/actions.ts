"use server";

import { revalidatePath } from "next/cache";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { requireUser } from "@/lib/auth/session";
import { toFormFailure } from "@/lib/form-result";

export type CreateTokenState = { ok: true; message: string; token: { name: string; secret: string } } | { ok: false; message: string } | null;
export type RevokeTokenState = { ok: boolean; message: string } | null;

export async function createToken(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const actor = await requireUser();
    const created = await createApiToken({ actor, input: { name: form.get("name") } });
    revalidatePath("/admin/tokens");
    return { ok: true, message: `Token “${created.name}” created.`, token: { name: created.name, secret: created.secret } };
  } catch (error) {
    return toFormFailure(error, "We could not create the token. Please try again.");
  }
}

export async function revokeToken(_previous: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  try {
    const actor = await requireUser();
    const revoked = await revokeApiToken({ actor, tokenId: Number(form.get("tokenId")) });
    revalidatePath("/admin/tokens");
    return { ok: true, message: `Token “${revoked.name}” revoked.` };
  } catch (error) {
    return toFormFailure(error, "We could not revoke the token. Please try again.");
  }
}
