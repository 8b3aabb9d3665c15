import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "./demo";

async function counts() {
  const [users, incidents, updates, records, events, posts, offers, phases] = await Promise.all([
    db.user.count(),
    db.incident.count(),
    db.incidentUpdate.count(),
    db.restorationRecord.count(),
    db.restorationEvent.count(),
    db.forumPost.count(),
    db.compensationOffer.count(),
    db.restorationPhase.count(),
  ]);
  return { users, incidents, updates, records, events, posts, offers, phases };
}

describe("demo seed", () => {
  it("is idempotent: seeding an already seeded database changes nothing", async () => {
    const before = await counts();
    await seedDemo(db);
    expect(await counts()).toEqual(before);
  });

  it("models the reference incident: plan in order, staff accounts, compensation offer", async () => {
    const incident = await db.incident.findUniqueOrThrow({
      where: { slug: "subscriber-data-loss" },
      include: { restorationPhases: { orderBy: { position: "asc" }, include: { category: true } }, offers: true },
    });
    expect(incident.restorationPhases.map((p) => p.category.slug)).toEqual(["contacts", "calendar", "notes", "tasks", "photos", "high-scores"]);
    expect(incident.offers.map((o) => o.kind).sort()).toEqual(["GIFT_CARD", "GIFT_CARD", "SERVICE_CREDIT"]);
    expect(await db.user.count({ where: { role: { in: ["SUPPORT", "ADMIN"] } } })).toBeGreaterThanOrEqual(2);
    expect(await db.user.count({ where: { role: "SUBSCRIBER", email: { endsWith: "@example.com" } } })).toBeGreaterThanOrEqual(200);
  });

  it("grants the automatic free month through the system's own step, and fills the gift-card pools", async () => {
    const offers = await db.compensationOffer.findMany({ where: { incident: { slug: "subscriber-data-loss" } }, include: { _count: { select: { grants: true, giftCardCodes: true } } } });
    const month = offers.find((o) => o.mode === "AUTOMATIC")!;
    const affected = await db.restorationRecord.findMany({ where: { incidentId: month.incidentId, state: { not: "NOT_AFFECTED" } }, distinct: ["userId"], select: { userId: true } });
    expect(month._count.grants).toBeGreaterThan(0);
    expect(month._count.grants).toBe(affected.length);
    expect(await db.auditLog.count({ where: { action: "offer.granted", entityId: String(month.id), actorEmail: "system:offer-opening" } })).toBe(1);
    // The "extra compensation" promise names a real offer for lost data, and every gift card can be handed out.
    expect(offers.filter((o) => o.eligibility === "ANY_UNRECOVERABLE_OR_PARTIAL").map((o) => o.mode)).toEqual(["CLAIM"]);
    for (const gift of offers.filter((o) => o.kind === "GIFT_CARD")) expect(gift._count.giftCardCodes).toBeGreaterThanOrEqual(200);
  });

  it("never records a restored category that skipped validation", async () => {
    const restored = await db.restorationRecord.findMany({ where: { state: { in: ["RESTORING", "RESTORED", "PARTIAL"] } }, take: 50, select: { userId: true, categoryId: true } });
    for (const record of restored) {
      const validated = await db.restorationEvent.count({ where: { userId: record.userId, categoryId: record.categoryId, toState: "VALIDATED" } });
      expect(validated).toBe(1);
    }
  });
});
