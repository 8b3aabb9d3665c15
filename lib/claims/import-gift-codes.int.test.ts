import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeScenario, makeUser } from "@/lib/restoration/staff-test-scenario";
import { decryptCode } from "./code-crypto";
import { getCodePool } from "./get-code-pool";
import { importGiftCodes } from "./import-gift-codes";

async function giftOffer(incidentId: number, kind: "GIFT_CARD" | "SERVICE_CREDIT" = "GIFT_CARD") {
  return db.compensationOffer.create({
    data: { incidentId, kind, title: `Card ${randomUUID().slice(0, 6)}`, description: "d", valueCents: 10_000, eligibility: "ANY_AFFECTED", mode: "CLAIM", opensAt: new Date() },
  });
}

describe("importGiftCodes (PostgreSQL)", () => {
  it("stores codes encrypted, and importing the same file again only counts duplicates", async () => {
    const { incident } = await makeScenario();
    const admin = await makeUser("ADMIN");
    const offer = await giftOffer(incident.id);
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const csv = `code\n${tag}-AAAA\n\n${tag}-BBBB\n${tag}-CCCC\n${tag}-AAAA\n`;

    expect(await importGiftCodes({ actor: admin, input: { offerId: offer.id, csv } })).toEqual({
      imported: 3, duplicates: 0, rejected: [{ line: 6, reason: "The same code is already on line 2 of this file." }],
    });
    expect(await importGiftCodes({ actor: admin, input: { offerId: offer.id, csv } })).toMatchObject({ imported: 0, duplicates: 3 });

    const stored = await db.giftCardCode.findMany({ where: { offerId: offer.id }, orderBy: { id: "asc" } });
    expect(stored.map((c) => c.last4)).toEqual(["AAAA", "BBBB", "CCCC"]);
    expect(stored.every((c) => !c.codeEncrypted.includes(tag))).toBe(true);
    expect(stored.map((c) => decryptCode(c.codeEncrypted))).toEqual([`${tag}-AAAA`, `${tag}-BBBB`, `${tag}-CCCC`]);

    // Neither the audit log nor the pool listing ever carries a code.
    const audits = await db.auditLog.findMany({ where: { action: "claims.codes.imported", entityId: String(offer.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.after)).toEqual([{ imported: 3, duplicates: 0, rejected: 1 }, { imported: 0, duplicates: 3, rejected: 1 }]);
    const pool = (await getCodePool({ actor: admin })).find((p) => p.offerId === offer.id);
    expect(pool).toMatchObject({ available: 3, assigned: 0, awaiting: 0 });
    expect(JSON.stringify({ audits, pool }, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(tag);
  });

  it("counts assigned codes and claims awaiting a code per offer", async () => {
    const { incident, subscriber } = await makeScenario();
    const admin = await makeUser("ADMIN");
    const offer = await giftOffer(incident.id);
    const tag = randomUUID().slice(0, 8);
    await importGiftCodes({ actor: admin, input: { offerId: offer.id, csv: `${tag}-1\n${tag}-2\n` } });
    const claim = await db.claim.create({
      data: { number: `T-${tag}`, incidentId: incident.id, userId: subscriber.id, status: "AWAITING_CODE", attestedAt: new Date(), idempotencyKey: tag, items: { create: { offerId: offer.id } } },
      include: { items: true },
    });
    const code = await db.giftCardCode.findFirstOrThrow({ where: { offerId: offer.id } });
    await db.giftCardCode.update({ where: { id: code.id }, data: { claimItemId: claim.items[0]!.id, assignedAt: new Date() } });
    const pool = (await getCodePool({ actor: admin })).find((p) => p.offerId === offer.id);
    expect(pool).toMatchObject({ available: 1, assigned: 1, awaiting: 1 });
    expect(pool?.recent.map((r) => r.assigned).sort()).toEqual([false, true]);
  });

  it("refuses support staff and subscribers, other offer kinds and empty files", async () => {
    const { incident, staff, subscriber } = await makeScenario();
    const admin = await makeUser("ADMIN");
    const offer = await giftOffer(incident.id);
    const credit = await giftOffer(incident.id, "SERVICE_CREDIT");
    for (const actor of [staff, subscriber]) {
      await expect(importGiftCodes({ actor, input: { offerId: offer.id, csv: "ABCD-1234\n" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getCodePool({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(importGiftCodes({ actor: admin, input: { offerId: credit.id, csv: "ABCD-1234\n" } })).rejects.toMatchObject({ code: "INVALID", message: "Codes can only be imported for a gift-card offer." });
    await expect(importGiftCodes({ actor: admin, input: { offerId: offer.id, csv: "\n \n" } })).rejects.toMatchObject({ code: "INVALID", details: { field: "csv" } });
    expect(await db.giftCardCode.count({ where: { offerId: { in: [offer.id, credit.id] } } })).toBe(0);
  });
});
