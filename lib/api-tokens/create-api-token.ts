import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { newTokenSecret } from "./token-secret";

export const CreateApiTokenInput = z.object({ name: z.string().trim().min(3, "give the token a name of at least 3 characters").max(80) });

/** Creates a token for the recovery pipeline. The secret is returned once and never stored. */
export async function createApiToken({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isAdmin(actor.role)) throw Forbidden("Only administrators can create API tokens.");
  const { name } = CreateApiTokenInput.parse(input);
  const secret = newTokenSecret();
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({ data: { name, tokenHash: secret.hash, prefix: secret.prefix, createdById: actor.id }, select: { id: true, name: true, prefix: true, createdAt: true } });
    await recordAudit(tx, actor, { action: "api-token.created", entityType: "ApiToken", entityId: token.id, after: { name, prefix: secret.prefix } });
    return { ...token, secret: secret.token };
  });
}
