import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { decryptCode } from "./code-crypto";

const RevealInput = z.object({ claimItemId: z.coerce.number().int().positive() });

/** Shows the owner their gift-card code. Only the owner's own item is found; every reveal is audited. */
export async function revealGiftCode({ actor, input, ip }: { actor: Actor; input: unknown; ip?: string | null }): Promise<{ code: string }> {
  const data = parseInput(RevealInput, input);
  return db.$transaction(async (tx) => {
    const code = await tx.giftCardCode.findFirst({
      where: { claimItemId: data.claimItemId, claimItem: { claim: { userId: actor.id } } },
      select: { id: true, codeEncrypted: true, claimItem: { select: { claimId: true } } },
    });
    if (!code) throw NotFound("There is no gift-card code to show for this claim yet.");
    await recordAudit(tx, actor, { action: "claim.code.revealed", entityType: "GiftCardCode", entityId: code.id, after: { claimId: code.claimItem?.claimId }, ip });
    return { code: decryptCode(code.codeEncrypted) };
  });
}
