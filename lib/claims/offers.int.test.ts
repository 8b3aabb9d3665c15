import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeScenario, SUBSCRIBER_ACTOR } from "@/lib/restoration/staff-test-scenario";
import { createOffer } from "./create-offer";
import { listOffers } from "./list-offers";
import { updateOffer } from "./update-offer";

const GIFT = {
  kind: "GIFT_CARD", title: "$50 gift card", description: "For the trouble.", months: "", value: "$50", eligibility: "ANY_AFFECTED",
  mode: "CLAIM", exclusiveGroup: "Cards", opensAt: "2026-11-20T09:00", closesAt: "2026-12-20T09:00", autoApprove: "on",
};

describe("offers (PostgreSQL)", () => {
  it("creates a gift-card offer from form values, in UTC, audited", async () => {
    const { staff, incident } = await makeScenario();
    const offer = await createOffer({ actor: staff, input: { incidentId: String(incident.id), ...GIFT } });
    expect(offer).toMatchObject({ valueCents: 5000, months: null, exclusiveGroup: "cards", autoApprove: true, opensAt: new Date("2026-11-20T09:00:00Z") });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "claims.offer.created", entityId: String(offer.id) } });
    expect(audit).toMatchObject({ actorId: staff.id, after: expect.objectContaining({ title: "$50 gift card", valueCents: 5000 }) });
    const { offers } = await listOffers({ actor: staff, input: { incident: incident.slug } });
    expect(offers.map((o) => o.title)).toEqual(["$50 gift card"]);
  });

  it("refuses bad values with a message naming the field", async () => {
    const { staff, incident } = await makeScenario();
    const attempt = (patch: Record<string, unknown>) => createOffer({ actor: staff, input: { incidentId: incident.id, ...GIFT, ...patch } });
    await expect(attempt({ closesAt: "2026-11-19T09:00" })).rejects.toMatchObject({ code: "INVALID", message: "The window must close after it opens.", details: { field: "closesAt" } });
    await expect(attempt({ opensAt: "" })).rejects.toMatchObject({ details: { field: "opensAt" } });
    await expect(attempt({ opensAt: "2026-02-31T09:00" })).rejects.toMatchObject({ message: expect.stringContaining("real date") });
    await expect(attempt({ value: "" })).rejects.toMatchObject({ details: { field: "value" } });
    await expect(attempt({ kind: "SERVICE_CREDIT", months: "0" })).rejects.toMatchObject({ message: "Enter the number of free months, from 1 to 24.", details: { field: "months" } });
    await expect(attempt({ title: " " })).rejects.toMatchObject({ details: { field: "title" } });
    expect(await db.compensationOffer.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("edits an offer with before and after in the audit, and warns when the rule changes after claims", async () => {
    const { staff, subscriber, incident } = await makeScenario();
    const offer = await createOffer({ actor: staff, input: { incidentId: incident.id, ...GIFT, kind: "SERVICE_CREDIT", months: "1", mode: "AUTOMATIC" } });
    expect(offer).toMatchObject({ months: 1, valueCents: null, autoApprove: false });
    const quiet = await updateOffer({ actor: staff, input: { offerId: offer.id, ...GIFT, kind: "SERVICE_CREDIT", months: "2", mode: "AUTOMATIC" } });
    expect(quiet).toMatchObject({ warning: null, offer: { months: 2 } });

    const again = await updateOffer({ actor: staff, input: { offerId: offer.id, ...GIFT, kind: "SERVICE_CREDIT", months: "2", mode: "AUTOMATIC" } });
    expect(again).toMatchObject({ warning: null, offer: { months: 2 } });

    await db.offerGrant.create({ data: { offerId: offer.id, userId: subscriber.id } });
    const warned = await updateOffer({ actor: staff, input: { offerId: offer.id, ...GIFT, kind: "SERVICE_CREDIT", months: "2", mode: "AUTOMATIC", eligibility: "ANY_UNRECOVERABLE_OR_PARTIAL" } });
    expect(warned.warning).toMatch(/1 subscriber has already claimed or been granted this offer/);
    const entries = await db.auditLog.findMany({ where: { action: "claims.offer.updated", entityId: String(offer.id) }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [(e.before as { months: number }).months, (e.after as { eligibility: string }).eligibility])).toEqual([[1, "ANY_AFFECTED"], [2, "ANY_UNRECOVERABLE_OR_PARTIAL"]]);
  });

  it("refuses subscribers everywhere", async () => {
    const { staff, incident } = await makeScenario();
    const offer = await createOffer({ actor: staff, input: { incidentId: incident.id, ...GIFT } });
    await expect(createOffer({ actor: SUBSCRIBER_ACTOR, input: { incidentId: incident.id, ...GIFT } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateOffer({ actor: SUBSCRIBER_ACTOR, input: { offerId: offer.id, ...GIFT, title: "Mine" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOffers({ actor: SUBSCRIBER_ACTOR, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.compensationOffer.findUniqueOrThrow({ where: { id: offer.id } })).title).toBe("$50 gift card");
  });
});
