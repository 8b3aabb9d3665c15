import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { makeClaimScenario } from "./claims-test-scenario";
import { getMyCompensation } from "./get-my-compensation";
import { submitClaim, submitClaimWithSession } from "./submit-claim";

/** A next-auth database session for the user, as a sign-in makes; its token is what a request carries. */
async function sessionFor(userId: string, expiresInMs = 30 * 24 * 3_600_000): Promise<string> {
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + expiresInMs) } });
  return sessionToken;
}

describe("submitClaim (PostgreSQL)", () => {
  it("creates one claim with its items, audited, and a claim number", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const user = await s.subscriber();
    const result = await submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: " Me@Example.com " }), context: { ip: "203.0.113.9", deviceId: "dev-1" } });
    expect(result.created).toBe(true);
    expect(result.number).toMatch(/^C-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const claim = await db.claim.findUniqueOrThrow({ where: { number: result.number }, include: { items: true } });
    expect(claim).toMatchObject({ userId: user.id, status: "SUBMITTED", giftCardEmail: "me@example.com", ip: "203.0.113.9", deviceId: "dev-1" });
    expect(claim.items.map((i) => i.offerId)).toEqual([gift.id]);
    expect(await db.auditLog.count({ where: { entityType: "Claim", entityId: String(claim.id), action: "claim.submitted" } })).toBe(1);
  });

  it("turns 50 concurrent copies of one form into exactly one claim, the same number for all", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const user = await s.subscriber();
    const input = s.form([gift.id], { giftCardEmail: user.email });
    const results = await Promise.all(Array.from({ length: 50 }, () => submitClaim({ actor: user, input })));
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.claim.count({ where: { userId: user.id } })).toBe(1);
  });

  it("makes one claim when copies of a form reach several server processes at once", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const user = await s.subscriber();
    const input = s.form([gift.id], { giftCardEmail: user.email });
    // Each fresh module instance stands for one server process: copies within it share a
    // submission, copies across them meet at the database's unique keys.
    const processes: (typeof submitClaim)[] = [];
    for (let i = 0; i < 4; i++) {
      vi.resetModules();
      processes.push((await import("./submit-claim")).submitClaim);
    }
    const results = await Promise.all(processes.flatMap((submit) => Array.from({ length: 5 }, () => submit({ actor: user, input }))));
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.claim.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "claim.submitted", actorId: user.id } })).toBe(1);
  });

  it("counts each submission against the account, copies of one form once, and refuses past CLAIM_LIMIT_PER_ACCOUNT", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const user = await s.subscriber();
    const limit = Number(process.env.CLAIM_LIMIT_PER_ACCOUNT ?? 30);
    const first = s.form([gift.id], { giftCardEmail: user.email });
    // Ten concurrent copies of one form are one submission, one attempt.
    await Promise.all(Array.from({ length: 10 }, () => submitClaim({ actor: user, input: first })));
    const attempts = async () => (await db.rateLimit.findMany({ where: { key: `claims:account:${user.id}` } })).reduce((sum, r) => sum + r.count, 0);
    expect(await attempts()).toBe(1);
    // Further forms: refused as a second claim until the allowance is spent, then as too many.
    const answers: string[] = [];
    for (let i = 1; i <= limit; i++) {
      const answer = await submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: user.email }) }).catch((error: { code: string }) => error);
      answers.push((answer as { code?: string }).code ?? "CREATED");
    }
    expect(answers.slice(0, limit - 1)).toEqual(Array(limit - 1).fill("CONFLICT"));
    expect(answers[limit - 1]).toBe("RATE_LIMITED");
    expect(await attempts()).toBe(limit + 1);
  });

  it("refuses a second form for the same incident with the existing claim number", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    const user = await s.subscriber();
    const first = await submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: user.email }) });
    const second = await Promise.allSettled(Array.from({ length: 10 }, () => submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: user.email }) })));
    for (const r of second) expect(r).toMatchObject({ status: "rejected", reason: { code: "CONFLICT", message: `You already claimed compensation for this incident: claim ${first.number}.` } });
    expect(await db.claim.count({ where: { userId: user.id } })).toBe(1);
  });

  it("respects the claim window at its edges and stores nothing outside it", async () => {
    const s = await makeClaimScenario();
    const opensAt = new Date(Date.now() + 60_000);
    const closesAt = new Date(Date.now() + 120_000);
    const gift = await s.offer("GIFT_CARD", { opensAt, closesAt });
    const user = await s.subscriber();
    const at = (now: Date) => submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: user.email }), context: { now } });
    await expect(at(new Date(opensAt.getTime() - 1))).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/not open yet/) });
    await expect(at(closesAt)).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/has closed.*Nothing was submitted/) });
    expect(await db.claim.count({ where: { userId: user.id } })).toBe(0);
    await expect(at(opensAt)).resolves.toMatchObject({ created: true });
  });

  it("re-checks eligibility, exclusive groups, the gift-card email and the attestation on the server", async () => {
    const s = await makeClaimScenario();
    const extra = await s.offer("GIFT_CARD", { eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL" });
    const a = await s.offer("SERVICE_CREDIT", { exclusiveGroup: "pick-one" });
    const b = await s.offer("OTHER", { exclusiveGroup: "pick-one" });
    const auto = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC" });
    const user = await s.subscriber({ contacts: "RESTORED" });
    await expect(submitClaim({ actor: user, input: s.form([extra.id], { giftCardEmail: user.email }) })).rejects.toMatchObject({ message: expect.stringMatching(/not eligible.*has been recovered/) });
    await expect(submitClaim({ actor: user, input: s.form([a.id, b.id]) })).rejects.toMatchObject({ message: expect.stringMatching(/choose only one/) });
    await expect(submitClaim({ actor: user, input: s.form([auto.id]) })).rejects.toMatchObject({ message: expect.stringMatching(/applied automatically/) });
    const photosLost = await s.subscriber({ photos: "UNRECOVERABLE" });
    await expect(submitClaim({ actor: photosLost, input: s.form([extra.id]) })).rejects.toMatchObject({ details: { field: "giftCardEmail" } });
    await expect(submitClaim({ actor: photosLost, input: s.form([extra.id], { giftCardEmail: photosLost.email, attested: undefined }) })).rejects.toMatchObject({ details: { field: "attested" } });
    await expect(submitClaim({ actor: user, input: s.form([a.id]) })).resolves.toMatchObject({ created: true });
    expect(await db.claim.count({ where: { userId: { in: [user.id, photosLost.id] } } })).toBe(1);
  });

  it("refuses staff accounts and a form key used by someone else", async () => {
    const s = await makeClaimScenario();
    const gift = await s.offer("GIFT_CARD");
    await expect(submitClaim({ actor: s.staff, input: s.form([gift.id]) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [one, two] = [await s.subscriber(), await s.subscriber()];
    const key = randomUUID();
    await submitClaim({ actor: one, input: s.form([gift.id], { giftCardEmail: one.email, idempotencyKey: key }) });
    await expect(submitClaim({ actor: two, input: s.form([gift.id], { giftCardEmail: two.email, idempotencyKey: key }) })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("shows the subscriber what they may claim and why", async () => {
    const s = await makeClaimScenario();
    const base = await s.offer("GIFT_CARD");
    const extra = await s.offer("OTHER", { eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL" });
    const user = await s.subscriber({ contacts: "RESTORED", photos: "UNRECOVERABLE" });
    const [mine] = (await getMyCompensation(user)).filter((m) => m.incident.id === s.incident.id);
    expect(mine!.claimable.map((o) => o.id)).toEqual([base.id, extra.id]);
    expect(mine!.offers.find((o) => o.id === extra.id)!.eligibility.reasons).toEqual(["your photos could not be recovered"]);
    await submitClaim({ actor: user, input: s.form([base.id], { giftCardEmail: user.email }) });
    const [after] = (await getMyCompensation(user)).filter((m) => m.incident.id === s.incident.id);
    expect(after!.claim?.status).toBe("SUBMITTED");
    expect(after!.claimable).toEqual([]);
    expect(after!.offers.find((o) => o.id === base.id)!.claimed).toBe(true);
  });

  describe("with only a session token (POST /api/claims), the session resolved in the claim's own statement", () => {
    const attemptsOf = async (userId: string) => (await db.rateLimit.findMany({ where: { key: `claims:account:${userId}` } })).reduce((sum, r) => sum + r.count, 0);

    it("creates the claim for the session's subscriber, with the same number for concurrent copies", async () => {
      const s = await makeClaimScenario();
      const gift = await s.offer("GIFT_CARD");
      const user = await s.subscriber();
      const sessionToken = await sessionFor(user.id);
      const input = s.form([gift.id], { giftCardEmail: user.email });
      const results = await Promise.all(Array.from({ length: 10 }, () => submitClaimWithSession({ sessionToken, input, context: { ip: "203.0.113.7" } })));
      expect(new Set(results.map((r) => r.number)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const claim = await db.claim.findUniqueOrThrow({ where: { number: results[0]!.number } });
      expect(claim).toMatchObject({ userId: user.id, giftCardEmail: user.email, ip: "203.0.113.7" });
      expect(await db.auditLog.count({ where: { action: "claim.submitted", actorId: user.id, actorEmail: user.email } })).toBe(1);
      expect(await attemptsOf(user.id)).toBe(1);
      // The same form through the account path is the same claim.
      await expect(submitClaim({ actor: user, input })).resolves.toEqual({ number: claim.number, created: false });
    });

    it("refuses an unknown or expired session as signed out, and counts nothing", async () => {
      const s = await makeClaimScenario();
      const gift = await s.offer("GIFT_CARD");
      const user = await s.subscriber();
      const expired = await sessionFor(user.id, -1_000);
      const input = s.form([gift.id], { giftCardEmail: user.email });
      await expect(submitClaimWithSession({ sessionToken: expired, input })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(submitClaimWithSession({ sessionToken: randomUUID(), input })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      // Signed out comes first, whatever the form says.
      await expect(submitClaimWithSession({ sessionToken: expired, input: { nonsense: true } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      expect(await db.claim.count({ where: { userId: user.id } })).toBe(0);
      expect(await attemptsOf(user.id)).toBe(0);
    });

    it("refuses a staff session as forbidden, before and after reading the form", async () => {
      const s = await makeClaimScenario();
      const gift = await s.offer("GIFT_CARD");
      const staffSession = await sessionFor(s.staff.id);
      await expect(submitClaimWithSession({ sessionToken: staffSession, input: s.form([gift.id], { giftCardEmail: s.staff.email }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(submitClaimWithSession({ sessionToken: staffSession, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.claim.count({ where: { userId: s.staff.id } })).toBe(0);
      expect(await attemptsOf(s.staff.id)).toBe(0);
    });

    it("tells a signed-in subscriber what is wrong with the form, and refuses another person's form key", async () => {
      const s = await makeClaimScenario();
      const gift = await s.offer("GIFT_CARD");
      const [one, two] = [await s.subscriber(), await s.subscriber()];
      const [oneSession, twoSession] = [await sessionFor(one.id), await sessionFor(two.id)];
      await expect(submitClaimWithSession({ sessionToken: oneSession, input: s.form([gift.id], { giftCardEmail: one.email, attested: undefined }) })).rejects.toMatchObject({ code: "INVALID", details: { field: "attested" } });
      const key = randomUUID();
      await submitClaimWithSession({ sessionToken: oneSession, input: s.form([gift.id], { giftCardEmail: one.email, idempotencyKey: key }) });
      await expect(submitClaimWithSession({ sessionToken: twoSession, input: s.form([gift.id], { giftCardEmail: two.email, idempotencyKey: key }) })).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.claim.count({ where: { userId: two.id } })).toBe(0);
    });

    it("shares the account's allowance with the form: attempts by either path count against one limit", async () => {
      const s = await makeClaimScenario();
      const gift = await s.offer("GIFT_CARD");
      const user = await s.subscriber();
      const sessionToken = await sessionFor(user.id);
      const limit = Number(process.env.CLAIM_LIMIT_PER_ACCOUNT ?? 30);
      await submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: user.email }) });
      const answers: string[] = [];
      for (let i = 1; i <= limit; i++) {
        const attempt = i % 2 === 0 ? submitClaim({ actor: user, input: s.form([gift.id], { giftCardEmail: user.email }) }) : submitClaimWithSession({ sessionToken, input: s.form([gift.id], { giftCardEmail: user.email }) });
        answers.push(((await attempt.catch((error: { code: string }) => error)) as { code?: string }).code ?? "CREATED");
      }
      expect(answers.slice(0, limit - 1)).toEqual(Array(limit - 1).fill("CONFLICT"));
      expect(answers[limit - 1]).toBe("RATE_LIMITED");
      expect(await attemptsOf(user.id)).toBe(limit + 1);
    });
  });
});
