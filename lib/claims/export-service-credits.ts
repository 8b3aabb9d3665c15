import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { toCreditCsv, type CreditRow } from "./credit-csv";

export type CreditExport = { ref: string | null; count: number; csv: string };

async function rowsOf(tx: Tx, ref: string): Promise<CreditRow[]> {
  return tx.$queryRaw<CreditRow[]>`
    SELECT u."accountRef", u.email, s.months, c.number AS "claimNumber", o.id AS "offerId", o.title AS "offerTitle", s."exportRef"
    FROM "ServiceCredit" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "CompensationOffer" o ON o.id = s."offerId"
    LEFT JOIN "ClaimItem" i ON i.id = s."claimItemId"
    LEFT JOIN "Claim" c ON c.id = i."claimId"
    WHERE s."exportRef" = ${ref}
    ORDER BY s.id`;
}

/**
 * Exports every service credit not exported yet and marks those rows with one export reference,
 * in the same transaction. Rows another export is taking at that moment are skipped, so a
 * second click never exports the same credit twice; with nothing new, the CSV has only a header.
 */
export async function exportServiceCredits({ actor }: { actor: Actor }): Promise<CreditExport> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can export service credits.");
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  const ref = `SC-${stamp}-${randomBytes(3).toString("hex").toUpperCase()}`;
  return db.$transaction(async (tx) => {
    const marked = await tx.$executeRaw`
      UPDATE "ServiceCredit" SET "exportedAt" = now(), "exportRef" = ${ref}
      WHERE id IN (SELECT id FROM "ServiceCredit" WHERE "exportedAt" IS NULL ORDER BY id FOR UPDATE SKIP LOCKED)`;
    if (marked === 0) return { ref: null, count: 0, csv: toCreditCsv([]) };
    const rows = await rowsOf(tx, ref);
    await recordAudit(tx, actor, { action: "claims.credits.exported", entityType: "ServiceCreditExport", entityId: ref, after: { rows: marked } });
    return { ref, count: marked, csv: toCreditCsv(rows) };
  });
}

export const ReexportInput = z.object({ ref: z.string().trim().regex(/^SC-\d{12}-[0-9A-F]{6}$/, "That is not an export reference.") });

/** The same rows as an earlier export, on purpose: marks nothing, but is audited as a re-export. */
export async function reexportServiceCredits({ actor, input }: { actor: Actor; input: unknown }): Promise<CreditExport> {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can export service credits.");
  const { ref } = parseInput(ReexportInput, input);
  return db.$transaction(async (tx) => {
    const rows = await rowsOf(tx, ref);
    if (rows.length === 0) throw NotFound(`There is no export ${ref}.`);
    await recordAudit(tx, actor, { action: "claims.credits.reexported", entityType: "ServiceCreditExport", entityId: ref, after: { rows: rows.length } });
    return { ref, count: rows.length, csv: toCreditCsv(rows) };
  });
}

/** Past exports, newest first, with their row counts, and how many credits wait for the next one. */
export async function listCreditExports({ actor }: { actor: Actor }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can see service-credit exports.");
  const [exports, pending] = await Promise.all([
    db.$queryRaw<{ ref: string; rows: bigint; months: bigint; exportedAt: Date }[]>`
      SELECT "exportRef" AS ref, count(*) AS rows, sum(months) AS months, max("exportedAt") AS "exportedAt"
      FROM "ServiceCredit" WHERE "exportRef" IS NOT NULL GROUP BY "exportRef" ORDER BY max("exportedAt") DESC, "exportRef" DESC LIMIT 100`,
    db.serviceCredit.count({ where: { exportedAt: null } }),
  ]);
  return { pending, exports: exports.map((e) => ({ ref: e.ref, rows: Number(e.rows), months: Number(e.months), exportedAt: e.exportedAt })) };
}
