import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { importBatch } from "@/lib/restoration/import-batch";
import { transitionRecord } from "@/lib/restoration/transition-record";
import { makeClaimScenario } from "./claims-test-scenario";
import { createOffer } from "./create-offer";
import { getMyCompensation } from "./get-my-compensation";
import { grantAutomaticOffers } from "./grant-automatic-offers";
import { grantOpenedOffers } from "./grant-opened-offers";
import { updateOffer } from "./update-offer";

const HOUR = 3_600_000;
const utc = (d: Date) => d.toISOString().slice(0, 19);
const MONTH_FORM = {
  kind: "SERVICE_CREDIT", title: "One month free", description: "Your next month is on us.", months: "1", value: "", eligibility: "ANY_AFFECTED",
  mode: "AUTOMATIC", exclusiveGroup: "", closesAt: "", autoApprove: "",
};

const grantsOf = async (offerId: number) => (await db.offerGrant.findMany({ where: { offerId }, select: { userId: true } })).map((g) => g.userId).sort();

describe("automatic offers are granted by the system (PostgreSQL)", () => {
  it("creating an open automatic offer grants every eligible subscriber at once, with no staff action, once", async () => {
    const s = await makeClaimScenario();
    const [a, b, none] = [await s.subscriber({ contacts: "AFFECTED" }), await s.subscriber({ photos: "RESTORED" }), await s.subscriber({ contacts: "NOT_AFFECTED" })];
    const offer = await createOffer({ actor: s.staff, input: { incidentId: s.incident.id, ...MONTH_FORM, opensAt: utc(new Date(Date.now() - HOUR)) } });

    expect(await grantsOf(offer.id)).toEqual([a.id, b.id].sort());
    expect(await db.serviceCredit.count({ where: { offerId: offer.id, months: 1 } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { eventRef: `offer:${offer.id}`, template: "compensation.offer-granted" } })).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "offer.granted", entityId: String(offer.id) } });
    expect(audit).toMatchObject({ actorId: s.staff.id, after: { granted: 2, notified: 2 } });

    // The staff button is a re-run; the worker's step finds the offer applied.
    expect(await grantAutomaticOffers({ actor: s.staff, input: { offerId: offer.id } })).toEqual({ granted: 0, notified: 0 });
    expect(await grantOpenedOffers(pgPool(), { incidentId: s.incident.id })).toEqual({ offers: 0, granted: 0, notified: 0 });
    expect(await grantsOf(offer.id)).toEqual([a.id, b.id].sort());

    // /me and /claims say when it was applied, from the grant itself.
    const grant = await db.offerGrant.findUniqueOrThrow({ where: { offerId_userId: { offerId: offer.id, userId: a.id } } });
    const mine = (await getMyCompensation(a)).find((m) => m.incident.id === s.incident.id)!;
    expect(mine.offers[0]).toMatchObject({ granted: true, grantedAt: grant.createdAt });
    const theirs = (await getMyCompensation(none)).find((m) => m.incident.id === s.incident.id)!;
    expect(theirs.offers[0]).toMatchObject({ granted: false, grantedAt: null });
  });

  it("an automatic offer that opens later is granted by the worker's step after it opens, not before", async () => {
    const s = await makeClaimScenario();
    const a = await s.subscriber({ contacts: "AFFECTED" });
    const opensAt = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    const offer = await createOffer({ actor: s.staff, input: { incidentId: s.incident.id, ...MONTH_FORM, opensAt: utc(opensAt) } });
    expect(await grantsOf(offer.id)).toEqual([]);
    expect(await grantOpenedOffers(pgPool(), { incidentId: s.incident.id })).toMatchObject({ offers: 0, granted: 0 });
    expect(await grantsOf(offer.id)).toEqual([]);
    // Before it opens, nobody reads "applied": they read when it will be.
    const before = (await getMyCompensation(a)).find((m) => m.incident.id === s.incident.id)!;
    expect(before.offers[0]).toMatchObject({ window: "NOT_OPEN", granted: false });

    await expect.poll(() => Date.now() >= opensAt.getTime() + 50, { timeout: 5_000, interval: 100 }).toBe(true);
    expect(await grantOpenedOffers(pgPool(), { incidentId: s.incident.id })).toEqual({ offers: 1, granted: 1, notified: 1 });
    expect(await grantsOf(offer.id)).toEqual([a.id]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "offer.granted", entityId: String(offer.id) } });
    expect(audit).toMatchObject({ actorId: null, actorEmail: "system:offer-opening", after: { granted: 1 } });

    // Idempotent, also with several workers at once.
    const again = await Promise.all([1, 2, 3].map(() => grantOpenedOffers(pgPool(), { incidentId: s.incident.id })));
    expect(again.reduce((n, r) => n + r.granted, 0)).toBe(0);
    expect(await grantsOf(offer.id)).toEqual([a.id]);
  });

  it("editing an offer into an open automatic one grants it in the same save", async () => {
    const s = await makeClaimScenario();
    const a = await s.subscriber({ photos: "UNRECOVERABLE" });
    const later = utc(new Date(Date.now() + 48 * HOUR));
    const offer = await createOffer({ actor: s.staff, input: { incidentId: s.incident.id, ...MONTH_FORM, mode: "CLAIM", opensAt: later } });
    expect(await grantsOf(offer.id)).toEqual([]);
    await updateOffer({ actor: s.staff, input: { offerId: offer.id, ...MONTH_FORM, opensAt: later } });
    expect(await grantsOf(offer.id)).toEqual([]);
    await updateOffer({ actor: s.staff, input: { offerId: offer.id, ...MONTH_FORM, opensAt: utc(new Date(Date.now() - HOUR)) } });
    expect(await grantsOf(offer.id)).toEqual([a.id]);
  });

  it("an import grants automatic offers to the subscribers it makes newly eligible, the worker applies the rest, and nothing is granted twice", async () => {
    const s = await makeClaimScenario();
    // Offers on file that were never applied (created before grants were automatic, say): the
    // import grants what its rows newly qualify for, the worker's step applies the offer to everyone.
    const month = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC", months: 1 });
    const extra = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC", eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL", months: 2 });
    const [moving, losing, untouched, newcomer] = [
      await s.subscriber({ photos: "VALIDATED" }),
      await s.subscriber({ photos: "AFFECTED" }),
      await s.subscriber({ photos: "AFFECTED" }),
      await s.subscriber({}),
    ];
    const refOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).accountRef!;
    const header = "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of";
    const importCsv = (lines: string[]) =>
      importBatch({ source: { kind: "staff", actor: s.staff }, input: { incident: s.incident.slug, key: randomUUID() }, body: Readable.from([Buffer.from([header, ...lines].join("\n"))]) });
    const asOf = new Date(Date.now() + 1000).toISOString();
    const result = await importCsv([
      `${await refOf(moving.id)},photos,RESTORING,5,5,1,${asOf}`,
      `${await refOf(losing.id)},photos,UNRECOVERABLE,5,0,0,${asOf}`,
      `${await refOf(newcomer.id)},photos,AFFECTED,5,0,0,${asOf}`,
    ]);
    expect(result.status).toBe("APPLIED");
    // Newly affected: the month. Newly lost: the extra months. Progress on a known loss: nothing new.
    expect(await grantsOf(month.id)).toEqual([newcomer.id]);
    expect(await grantsOf(extra.id)).toEqual([losing.id]);
    expect(await db.serviceCredit.findFirst({ where: { offerId: extra.id, userId: losing.id }, select: { months: true } })).toEqual({ months: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "restoration.import", entityId: String(result.batchId) } });
    expect(audit.after).toMatchObject({ offersGranted: 2 });

    // The worker's step applies the never-applied offer to everyone eligible, once.
    await grantOpenedOffers(pgPool(), { incidentId: s.incident.id });
    expect(await grantsOf(month.id)).toEqual([moving.id, losing.id, untouched.id, newcomer.id].sort());

    const later = new Date(Date.now() + 2000).toISOString();
    await importCsv([`${await refOf(moving.id)},photos,RESTORED,5,5,5,${later}`, `${await refOf(losing.id)},photos,UNRECOVERABLE,6,0,0,${later}`]);
    expect(await db.offerGrant.count({ where: { offerId: { in: [month.id, extra.id] } } })).toBe(5);
    expect(await db.emailOutbox.count({ where: { eventRef: { in: [`offer:${month.id}`, `offer:${extra.id}`] } } })).toBe(5);
  });

  it("a staff transition to UNRECOVERABLE grants the automatic offer for lost data and tells the subscriber", async () => {
    const s = await makeClaimScenario();
    const extra = await s.offer("SERVICE_CREDIT", { mode: "AUTOMATIC", eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL", months: 3 });
    const user = await s.subscriber({ photos: "AFFECTED" });
    expect(await grantsOf(extra.id)).toEqual([]);
    await transitionRecord({
      actor: s.staff,
      input: { userId: user.id, incidentId: s.incident.id, categoryId: s.category("photos").id, expectedState: "AFFECTED", toState: "UNRECOVERABLE", itemsLost: 5, itemsRecovered: 0, itemsRestored: 0, note: "Tape unreadable." },
    });
    expect(await grantsOf(extra.id)).toEqual([user.id]);
    expect(await db.emailOutbox.count({ where: { userId: user.id, template: "compensation.offer-granted", eventRef: `offer:${extra.id}` } })).toBe(1);
    const mine = (await getMyCompensation(user)).find((m) => m.incident.id === s.incident.id)!;
    expect(mine.extraCompensation?.text).toMatch(new RegExp(`^“${extra.title}” was applied to your account on [A-Z][a-z]{2} \\d{1,2}, \\d{4}\\.$`));
  });
});
