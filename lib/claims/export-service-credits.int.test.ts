import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeScenario, makeUser, SUBSCRIBER_ACTOR } from "@/lib/restoration/staff-test-scenario";
import { exportServiceCredits, listCreditExports, reexportServiceCredits } from "./export-service-credits";

// Exports take every pending credit in the database, so each assertion looks only at this test's rows.
async function credits() {
  const { staff, subscriber, incident } = await makeScenario();
  const otherRef = `EX-${randomUUID().slice(0, 8)}`;
  const other = { ...(await makeUser("SUBSCRIBER", { accountRef: otherRef })), accountRef: otherRef };
  const offer = await db.compensationOffer.create({
    data: { incidentId: incident.id, kind: "SERVICE_CREDIT", title: "=HYPERLINK(\"x\") month", description: "d", months: 2, eligibility: "ANY_AFFECTED", mode: "CLAIM", opensAt: new Date() },
  });
  const claim = await db.claim.create({
    data: { number: `C-${randomUUID().slice(0, 8)}`, incidentId: incident.id, userId: subscriber.id, status: "FULFILLED", attestedAt: new Date(), idempotencyKey: randomUUID(), items: { create: { offerId: offer.id } } },
    include: { items: true },
  });
  await db.serviceCredit.create({ data: { userId: subscriber.id, offerId: offer.id, months: 2, claimItemId: claim.items[0]!.id } });
  await db.serviceCredit.create({ data: { userId: other.id, offerId: offer.id, months: 2 } });
  return { staff, subscriber, other, claim, offer };
}

const linesFor = (csv: string, refs: (string | null)[]) => csv.split("\r\n").filter((line) => refs.some((ref) => ref && line.startsWith(`${ref},`)));

describe("service-credit export (PostgreSQL)", () => {
  it("exports pending credits once, marks them with one ref, and re-exports that ref on request", async () => {
    const { staff, subscriber, other, claim } = await credits();
    const subscriberRef = (await db.user.findUniqueOrThrow({ where: { id: subscriber.id } })).accountRef;
    const first = await exportServiceCredits({ actor: staff });
    expect(first.ref).toMatch(/^SC-\d{12}-[0-9A-F]{6}$/);
    expect(first.csv.split("\r\n")[0]).toBe("account_reference,email,months,claim_number,offer_id,offer,export_ref");
    const mine = linesFor(first.csv, [subscriberRef, other.accountRef]);
    expect(mine).toHaveLength(2);
    expect(mine.find((l) => l.startsWith(subscriberRef!))).toContain(`,2,${claim.number},`);
    expect(mine.find((l) => l.startsWith(other.accountRef))).toContain(",2,automatic grant,");
    // A title a spreadsheet would run as a formula is neutralised.
    expect(mine[0]).toContain(`"'=HYPERLINK(""x"") month"`);

    const marked = await db.serviceCredit.findMany({ where: { userId: { in: [subscriber.id, other.id] } } });
    expect(marked.map((c) => c.exportRef)).toEqual([first.ref, first.ref]);

    const second = await exportServiceCredits({ actor: staff });
    expect(linesFor(second.csv, [subscriberRef, other.accountRef])).toEqual([]);

    const again = await reexportServiceCredits({ actor: staff, input: { ref: first.ref } });
    expect(again.count).toBe(first.count);
    expect(again.csv).toBe(first.csv);
    expect((await db.serviceCredit.findMany({ where: { userId: { in: [subscriber.id, other.id] } } })).map((c) => c.exportedAt)).toEqual(marked.map((c) => c.exportedAt));

    const { exports } = await listCreditExports({ actor: staff });
    expect(exports.find((e) => e.ref === first.ref)).toMatchObject({ rows: first.count });
    const audits = await db.auditLog.findMany({ where: { entityType: "ServiceCreditExport", entityId: first.ref! }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["claims.credits.exported", staff.id], ["claims.credits.reexported", staff.id]]);
  });

  it("gives each credit to exactly one of two exports started together", async () => {
    const { staff, subscriber, other } = await credits();
    const [a, b] = await Promise.all([exportServiceCredits({ actor: staff }), exportServiceCredits({ actor: staff })]);
    const refs = (await db.serviceCredit.findMany({ where: { userId: { in: [subscriber.id, other.id] } } })).map((c) => c.exportRef);
    expect(refs.every((ref) => ref !== null && (ref === a.ref || ref === b.ref))).toBe(true);
    const accountRefs = (await db.user.findMany({ where: { id: { in: [subscriber.id, other.id] } } })).map((u) => u.accountRef);
    expect(linesFor(a.csv, accountRefs).length + linesFor(b.csv, accountRefs).length).toBe(2);
  });

  it("refuses subscribers and unknown refs", async () => {
    const { staff } = await credits();
    await expect(exportServiceCredits({ actor: SUBSCRIBER_ACTOR })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reexportServiceCredits({ actor: SUBSCRIBER_ACTOR, input: { ref: "SC-202611212300-ABCDEF" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listCreditExports({ actor: SUBSCRIBER_ACTOR })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reexportServiceCredits({ actor: staff, input: { ref: "SC-202611212300-ABCDEF" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reexportServiceCredits({ actor: staff, input: { ref: "'; drop" } })).rejects.toMatchObject({ code: "INVALID" });
  });
});
