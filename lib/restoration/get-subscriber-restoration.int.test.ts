import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSubscriberRestoration } from "./get-subscriber-restoration";
import { makeScenario, makeUser } from "./staff-test-scenario";
import { transitionRecord } from "./transition-record";

describe("getSubscriberRestoration (PostgreSQL)", () => {
  it("shows each category of an incident with its record and full history, newest first", async () => {
    const s = await makeScenario();
    const contacts = s.category("contacts");
    const key = { userId: s.subscriber.id, incidentId: s.incident.id, categoryId: contacts.id };
    const batch = await db.importBatch.create({ data: { incidentId: s.incident.id, key: `k-${s.subscriber.tag}`, contentSha256: "x", status: "APPLIED" } });
    const earlier = new Date(Date.now() - 3_600_000);
    await db.restorationRecord.create({ data: { ...key, state: "AFFECTED", itemsLost: 40, asOf: earlier } });
    await db.restorationEvent.create({ data: { ...key, toState: "AFFECTED", itemsLost: 40, itemsRecovered: 0, itemsRestored: 0, source: "IMPORT", batchId: batch.id, asOf: earlier } });
    await transitionRecord({ actor: s.staff, input: { ...key, expectedState: "AFFECTED", toState: "RECOVERED", itemsLost: 40, itemsRecovered: 40, itemsRestored: 0, note: "Found on the second tape." } });

    const view = await getSubscriberRestoration({ actor: s.staff, userId: s.subscriber.id });
    expect(view.subscriber).toMatchObject({ id: s.subscriber.id, email: s.subscriber.email, accountRef: expect.stringMatching(/^ST-/) });
    const section = view.incidents.find((i) => i.incident.id === s.incident.id)!;
    expect(section.categories.map((c) => c.category.slug)).toEqual(["contacts", "calendar", "notes", "tasks", "photos", "high-scores"]);
    const entry = section.categories[0]!;
    expect(entry.record).toMatchObject({ state: "RECOVERED", itemsRecovered: 40 });
    expect(entry.events.map((e) => [e.fromState, e.toState, e.source, e.batchId, e.actor?.email ?? null, e.note])).toEqual([
      ["AFFECTED", "RECOVERED", "STAFF", null, s.staff.email, "Found on the second tape."],
      [null, "AFFECTED", "IMPORT", batch.id, null, null],
    ]);
    expect(section.categories[1]).toMatchObject({ record: null, events: [] });
  });

  it("includes open incidents with a plan where the subscriber has no record yet, but not closed ones", async () => {
    const s = await makeScenario({ open: true });
    const closed = await makeScenario();
    const view = await getSubscriberRestoration({ actor: s.staff, userId: s.subscriber.id });
    const section = view.incidents.find((i) => i.incident.id === s.incident.id);
    expect(section?.categories.every((c) => c.record === null)).toBe(true);
    expect(view.incidents.map((i) => i.incident.id)).not.toContain(closed.incident.id);
  });

  it("answers not found for an unknown id", async () => {
    const staff = await makeUser("SUPPORT");
    await expect(getSubscriberRestoration({ actor: staff, userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSubscriberRestoration({ actor: staff, userId: "x".repeat(500) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a subscriber asking for another subscriber's records, or their own", async () => {
    const s = await makeScenario();
    const other = await makeUser("SUBSCRIBER");
    await expect(getSubscriberRestoration({ actor: other, userId: s.subscriber.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getSubscriberRestoration({ actor: s.subscriber, userId: s.subscriber.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
