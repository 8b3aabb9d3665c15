import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeClaimScenario } from "./claims-test-scenario";
import { decideClaims } from "./decide-claims";
import { fulfilAwaitingClaims } from "./fulfil-awaiting-claims";
import { getMyClaim } from "./get-my-claim";
import { listClaims } from "./list-claims";
import { revealGiftCode } from "./reveal-gift-code";
import { submitClaim } from "./submit-claim";

async function claimed(s: Awaited<ReturnType<typeof makeClaimScenario>>, offerIds: number[]) {
  const user = await s.subscriber();
  const { number } = await submitClaim({ actor: user, input: s.form(offerIds, { giftCardEmail: user.email }) });
  const claim = await db.claim.findUniqueOrThrow({ where: { number } });
  return { user, number, id: claim.id };
}

describe("deciding claims (PostgreSQL)", () => {
  it("approval assigns a pool code and a service credit in one go; the owner alone reveals the code", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const credit = await s.offer("SERVICE_CREDIT", { months: 2 });
    const [code] = await s.addCodes(gift.id, 1);
    const c = await claimed(s, [gift.id, credit.id]);
    const result = await decideClaims({ actor: s.staff, input: { claimIds: [c.id], decision: "APPROVE" } });
    expect(result.decided).toEqual([{ claimId: c.id, number: c.number, status: "FULFILLED" }]);
    const mine = await getMyClaim(c.user, c.number.toLowerCase());
    expect(mine.status).toBe("FULFILLED");
    expect(mine.items.map((i) => [i.code?.last4 ?? null, i.credit?.months ?? null])).toEqual([[code!.slice(-4), null], [null, 2]]);
    const giftItem = mine.items.find((i) => i.code)!;
    await expect(revealGiftCode({ actor: c.user, input: { claimItemId: giftItem.id } })).resolves.toEqual({ code });
    const other = await s.subscriber();
    await expect(revealGiftCode({ actor: other, input: { claimItemId: giftItem.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyClaim(other, c.number)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.findMany({ where: { OR: [{ entityType: "Claim", entityId: String(c.id) }, { action: "claim.code.revealed", actorId: c.user.id }] }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "claim.submitted" },
      { action: "claim.approved" },
      { action: "claim.code.revealed" },
    ]);
  });

  it("an empty pool leaves the claim AWAITING_CODE; codes arriving later fulfil waiting claims oldest first", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const first = await claimed(s, [gift.id]);
    const second = await claimed(s, [gift.id]);
    const result = await decideClaims({ actor: s.staff, input: { claimIds: [first.id, second.id], decision: "APPROVE" } });
    expect(result.decided.map((d) => d.status)).toEqual(["AWAITING_CODE", "AWAITING_CODE"]);
    await s.addCodes(gift.id, 1);
    expect(await fulfilAwaitingClaims({ offerId: gift.id })).toEqual({ fulfilled: 1 });
    expect((await getMyClaim(first.user, first.number)).status).toBe("FULFILLED");
    expect((await getMyClaim(second.user, second.number)).status).toBe("AWAITING_CODE");
    expect(await fulfilAwaitingClaims({ offerId: gift.id })).toEqual({ fulfilled: 0 });
    await s.addCodes(gift.id, 3);
    expect(await fulfilAwaitingClaims({ offerId: gift.id })).toEqual({ fulfilled: 1 });
    expect(await db.giftCardCode.count({ where: { offerId: gift.id, claimItemId: { not: null } } })).toBe(2);
  });

  it("concurrent approvals and fulfilment runs never give one code to two claims", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    await s.addCodes(gift.id, 5);
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimed(s, [gift.id])));
    await Promise.all(claims.map((c) => decideClaims({ actor: s.staff, input: { claimIds: [c.id], decision: "APPROVE" } })));
    const statuses = await db.claim.groupBy({ by: ["status"], where: { id: { in: claims.map((c) => c.id) } }, _count: true });
    expect(Object.fromEntries(statuses.map((g) => [g.status, g._count]))).toEqual({ FULFILLED: 5, AWAITING_CODE: 3 });
    await s.addCodes(gift.id, 2);
    const runs = await Promise.all([fulfilAwaitingClaims({ offerId: gift.id }), fulfilAwaitingClaims({ offerId: gift.id })]);
    expect(runs[0]!.fulfilled + runs[1]!.fulfilled).toBe(2);
    const assigned = await db.giftCardCode.findMany({ where: { offerId: gift.id, claimItemId: { not: null } }, select: { claimItemId: true } });
    expect(assigned).toHaveLength(7);
    expect(new Set(assigned.map((a) => a.claimItemId)).size).toBe(7);
  });

  it("denial needs a reason the subscriber sees; a decided claim cannot be decided again", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const c = await claimed(s, [gift.id]);
    await expect(decideClaims({ actor: s.staff, input: { claimIds: [c.id], decision: "DENY", reason: "no" } })).rejects.toMatchObject({ details: { field: "reason" } });
    await decideClaims({ actor: s.staff, input: { claimIds: [c.id], decision: "DENY", reason: "The account was opened after the incident." } });
    expect(await getMyClaim(c.user, c.number)).toMatchObject({ status: "DENIED", decisionReason: "The account was opened after the incident." });
    const again = await decideClaims({ actor: s.staff, input: { claimIds: [c.id], decision: "APPROVE" } });
    expect(again).toMatchObject({ decided: [], refused: [{ claimId: c.id, message: expect.stringMatching(/already denied/) }] });
  });

  it("staff-only: a subscriber can neither decide nor list claims", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const c = await claimed(s, [gift.id]);
    await expect(decideClaims({ actor: c.user, input: { claimIds: [c.id], decision: "APPROVE" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listClaims({ actor: c.user, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("SUBMITTED");
  });

  it("the queue filters, searches and shows fraud signals", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const a = await claimed(s, [gift.id]);
    const b = await claimed(s, [gift.id]);
    const fraudSignals = async (ids: number[]) => new Map(ids.filter((id) => id === b.id).map((id) => [id, [{ code: "SHARED_IP", message: "5 claims from the same IP address in 24 h" }]]));
    const flagged = await listClaims({ actor: s.staff, input: { offerId: String(gift.id), flagged: "yes" }, fraudSignals });
    expect(flagged.claims.map((c) => [c.number, c.signals.map((x) => x.code)])).toEqual([[b.number, ["SHARED_IP"]]]);
    const search = await listClaims({ actor: s.staff, input: { q: a.user.email.toUpperCase() } });
    expect(search.claims.map((c) => c.number)).toEqual([a.number]);
    expect((await listClaims({ actor: s.staff, input: { q: a.number.toLowerCase() } })).claims.map((c) => c.id)).toEqual([a.id]);
    // Auto-approval needs the offer to allow it and no fraud signal on the claim.
    const auto = await s.offer("OTHER", { autoApprove: true });
    const user = await s.subscriber();
    const { number } = await submitClaim({ actor: user, input: s.form([auto.id]), context: { autoApprove: async () => new Map() } });
    expect((await getMyClaim(user, number)).status).toBe("FULFILLED");
    const reviewed = await s.offer("OTHER");
    const other = await s.subscriber();
    const manual = await submitClaim({ actor: other, input: s.form([reviewed.id]), context: { autoApprove: async () => new Map() } });
    expect((await getMyClaim(other, manual.number)).status).toBe("SUBMITTED");
    const flaggedOffer = await s.offer("OTHER", { autoApprove: true });
    const third = await s.subscriber();
    const held = await submitClaim({ actor: third, input: s.form([flaggedOffer.id]), context: { autoApprove: async (ids) => new Map(ids.map((id) => [id, [{ code: "SHARED_IP", message: "3 claims from the same IP address in 24 h" }]])) } });
    expect((await getMyClaim(third, held.number)).status).toBe("SUBMITTED");
  });
});
