import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDeliveryCounts, getDeliveryCountsOf } from "./get-delivery-counts";
import { insertMessage, makeDeskUser } from "./admin-test-outbox";

describe("delivery counts per event (PostgreSQL)", () => {
  it("counts one update's emails by what staff need to know", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const ref = `incident-update:${randomUUID().slice(0, 8)}`;
    for (const status of ["QUEUED", "QUEUED", "SENDING", "SENT", "SENT", "SENT", "FAILED", "DEAD", "SUPPRESSED"] as const) {
      await insertMessage({ status, eventRef: ref });
    }
    await insertMessage({ status: "SENT", eventRef: `incident-update:${randomUUID().slice(0, 8)}` });

    expect(await getDeliveryCounts({ actor: staff, input: { ref } })).toEqual({ queued: 3, sent: 3, failed: 2, suppressed: 1, total: 9 });
  });

  it("answers zeros for an event with no email and counts several events in one call", async () => {
    const staff = await makeDeskUser("ADMIN");
    const [a, b] = [`incident-update:${randomUUID().slice(0, 8)}`, `claim:C-${randomUUID().slice(0, 6)}`];
    await insertMessage({ status: "SENT", eventRef: a });
    await insertMessage({ status: "QUEUED", eventRef: b });

    expect(await getDeliveryCounts({ actor: staff, input: { ref: "incident-update:999999999" } })).toEqual({ queued: 0, sent: 0, failed: 0, suppressed: 0, total: 0 });
    const many = await getDeliveryCountsOf({ actor: staff, input: { refs: [a, b, a] } });
    expect(many.get(a)).toMatchObject({ sent: 1, total: 1 });
    expect(many.get(b)).toMatchObject({ queued: 1, total: 1 });
  });

  it("refuses subscribers and malformed references", async () => {
    const subscriber = await makeDeskUser("SUBSCRIBER");
    const staff = await makeDeskUser("SUPPORT");
    await expect(getDeliveryCounts({ actor: subscriber, input: { ref: "incident-update:1" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDeliveryCountsOf({ actor: subscriber, input: { refs: [] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDeliveryCounts({ actor: staff, input: { ref: "'; drop table" } })).rejects.toMatchObject({ code: "INVALID" });
  });
});
