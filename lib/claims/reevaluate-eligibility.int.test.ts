import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importBatch } from "@/lib/restoration/import-batch";
import { transitionRecord } from "@/lib/restoration/transition-record";
import { makeClaimScenario } from "./claims-test-scenario";
import { getMyCompensation } from "./get-my-compensation";
import { grantAutomaticOffers } from "./grant-automatic-offers";

describe("automatic grants and re-evaluation (PostgreSQL)", () => {
  it("grants an automatic offer to every eligible subscriber once, with a service credit and an email", async () => {
    const s = await makeClaimScenario();
    const month = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC", months: 1 });
    const [a, b, none] = [await s.subscriber({ contacts: "AFFECTED" }), await s.subscriber({ photos: "RESTORED" }), await s.subscriber({ contacts: "NOT_AFFECTED" })];
    expect(await grantAutomaticOffers({ actor: s.staff, input: { offerId: month.id } })).toEqual({ granted: 2, notified: 2 });
    expect(await grantAutomaticOffers({ actor: s.staff, input: { offerId: month.id } })).toEqual({ granted: 0, notified: 0 });
    const grants = await db.offerGrant.findMany({ where: { offerId: month.id }, select: { userId: true } });
    expect(grants.map((g) => g.userId).sort()).toEqual([a.id, b.id].sort());
    expect(await db.serviceCredit.count({ where: { offerId: month.id, months: 1 } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { eventRef: `offer:${month.id}`, template: "compensation.offer-granted", toEmail: { in: [a.email, b.email] } } })).toBe(2);
    const [mine] = (await getMyCompensation(a)).filter((m) => m.incident.id === s.incident.id);
    expect(mine!.offers[0]).toMatchObject({ granted: true, eligibility: { eligible: true } });
    const [theirs] = (await getMyCompensation(none)).filter((m) => m.incident.id === s.incident.id);
    expect(theirs!.offers[0]).toMatchObject({ granted: false, eligibility: { eligible: false, reasons: ["none of your data was affected by this incident"] } });
    await expect(grantAutomaticOffers({ actor: a, input: { offerId: month.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a record turning unrecoverable opens the extra offer and tells the subscriber, in the same transaction", async () => {
    const s = await makeClaimScenario();
    const extra = await s.offer("GIFT_CARD", { eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL" });
    const extraAuto = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC", eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL", months: 3 });
    const user = await s.subscriber({ photos: "AFFECTED" });
    const before = (await getMyCompensation(user)).find((m) => m.incident.id === s.incident.id)!;
    expect(before.claimable).toEqual([]);
    await transitionRecord({
      actor: s.staff,
      input: { userId: user.id, incidentId: s.incident.id, categoryId: s.category("photos").id, expectedState: "AFFECTED", toState: "UNRECOVERABLE", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, note: "Backup tape unreadable." },
    });
    const after = (await getMyCompensation(user)).find((m) => m.incident.id === s.incident.id)!;
    expect(after.claimable.map((o) => o.id)).toEqual([extra.id]);
    expect(after.offers.find((o) => o.id === extra.id)!.eligibility.reasons).toEqual(["your photos could not be recovered"]);
    expect(await db.offerGrant.count({ where: { offerId: extraAuto.id, userId: user.id } })).toBe(1);
    expect(await db.serviceCredit.findFirst({ where: { offerId: extraAuto.id, userId: user.id }, select: { months: true } })).toEqual({ months: 3 });
    const mails = await db.emailOutbox.findMany({ where: { userId: user.id, template: { startsWith: "compensation." } }, select: { template: true, eventRef: true }, orderBy: { template: "asc" } });
    expect(mails).toEqual([
      { template: "compensation.offer-available", eventRef: `offer:${extra.id}` },
      { template: "compensation.offer-granted", eventRef: `offer:${extraAuto.id}` },
    ]);
  });
});

describe("re-evaluation after a restoration import (PostgreSQL)", () => {
  it("grants and announces to the subscribers the batch makes newly eligible, once", async () => {
    const s = await makeClaimScenario();
    const base = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC", months: 1 });
    const extra = await s.offer("GIFT_CARD", { eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL" });
    const [lost, still, fresh] = [await s.subscriber({ photos: "VALIDATED" }), await s.subscriber({ photos: "VALIDATED" }), await s.subscriber({})];
    const refOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).accountRef!;
    const asOf = new Date(Date.now() + 1000).toISOString();
    const csv = [
      "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of",
      `${await refOf(lost.id)},photos,RESTORING,5,5,1,${asOf}`,
      `${await refOf(fresh.id)},contacts,AFFECTED,7,0,0,${asOf}`,
    ].join("\n");
    const staff = { ...s.staff };
    const importOnce = (text: string, key: string) =>
      importBatch({ source: { kind: "staff", actor: staff }, input: { incident: s.incident.slug, key }, body: Readable.from([Buffer.from(text)]) });
    await importOnce(csv, randomUUID());
    // The newly affected subscriber gets the base grant; those affected before the batch are the
    // offer's own application (at creation, at opening, or when they became eligible).
    expect((await db.offerGrant.findMany({ where: { offerId: base.id }, select: { userId: true } })).map((g) => g.userId)).toEqual([fresh.id]);
    expect(await db.emailOutbox.count({ where: { eventRef: `offer:${extra.id}` } })).toBe(0);

    const later = new Date(Date.now() + 2000).toISOString();
    await importOnce(["subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of", `${await refOf(lost.id)},photos,PARTIAL,5,5,3,${later}`].join("\n"), randomUUID());
    const told = await db.emailOutbox.findMany({ where: { eventRef: `offer:${extra.id}` }, select: { userId: true, template: true } });
    expect(told).toEqual([{ userId: lost.id, template: "compensation.offer-available" }]);
    const [mine] = (await getMyCompensation(lost)).filter((m) => m.incident.id === s.incident.id);
    expect(mine!.claimable.map((o) => o.id)).toEqual([extra.id]);
    expect(await db.offerGrant.count({ where: { offerId: base.id, userId: still.id } })).toBe(0);
  });
});
