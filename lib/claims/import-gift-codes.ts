import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { encryptCode, hashCode, lastFour } from "./code-crypto";
import { MAX_POOL_FILE_BYTES, POOL_FILE_TOO_LARGE, readGiftCodeFile, type RejectedLine } from "./gift-code-file";

const CHUNK = 2_000;

export const ImportGiftCodesInput = z.object({
  offerId: z.coerce.number({ error: "Choose the gift-card offer the codes are for." }).int().positive("Choose the gift-card offer the codes are for."),
  csv: z
    .string()
    .max(MAX_POOL_FILE_BYTES, POOL_FILE_TOO_LARGE)
    .refine((s) => s.trim() !== "", "The file is empty. Choose a CSV with one code per line."),
});

export type ImportGiftCodesResult = { imported: number; duplicates: number; rejected: RejectedLine[] };

/**
 * Adds codes to a gift-card offer's pool, encrypted, admins only. Idempotent: a code already in
 * the pool (same HMAC) counts as a duplicate and changes nothing. The audit keeps counts, never codes.
 */
export async function importGiftCodes({ actor, input }: { actor: Actor; input: { offerId: number; csv: string } }): Promise<ImportGiftCodesResult> {
  if (!isAdmin(actor.role)) throw Forbidden("Only administrators can import gift-card codes.");
  const data = parseInput(ImportGiftCodesInput, input);
  const offer = await db.compensationOffer.findUnique({ where: { id: data.offerId }, select: { id: true, kind: true } });
  if (!offer) throw NotFound("That offer no longer exists. Reload the page.");
  if (offer.kind !== "GIFT_CARD") throw Invalid("Codes can only be imported for a gift-card offer.", { field: "offerId" });

  const { codes, rejected } = readGiftCodeFile(data.csv);
  const rows = codes.map(({ code }) => ({ offerId: offer.id, codeEncrypted: encryptCode(code), codeHash: hashCode(code), last4: lastFour(code) }));
  const imported = await db.$transaction(async (tx) => {
    let count = 0;
    for (let at = 0; at < rows.length; at += CHUNK) {
      // ON CONFLICT DO NOTHING on codeHash: concurrent or repeated imports of one file settle here.
      count += (await tx.giftCardCode.createMany({ data: rows.slice(at, at + CHUNK), skipDuplicates: true })).count;
    }
    await recordAudit(tx, actor, {
      action: "claims.codes.imported",
      entityType: "CompensationOffer",
      entityId: offer.id,
      after: { imported: count, duplicates: rows.length - count, rejected: rejected.length },
    });
    return count;
  }, { timeout: 60_000 });
  return { imported, duplicates: rows.length - imported, rejected };
}
