import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findMessagesTo } from "./find-messages-to";
import { insertMessage, makeDeskUser, suppress, uniqueAddress } from "./admin-test-outbox";

describe("finding every email to one address (PostgreSQL)", () => {
  it("lists queued, sent, failed, dead and suppressed messages to exactly that address, ignoring case", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const address = uniqueAddress("caller");
    const sent = await insertMessage({ status: "SENT", toEmail: address, sentAt: new Date(), eventRef: "incident-update:1" });
    await insertMessage({ status: "QUEUED", toEmail: address });
    await insertMessage({ status: "DEAD", toEmail: address, lastError: "421 try again later" });
    await insertMessage({ status: "FAILED", toEmail: address, lastError: "550 no such user" });
    await insertMessage({ status: "SUPPRESSED", toEmail: address, lastError: "address suppressed" });
    // Neighbours that a "contains" search would catch.
    await insertMessage({ status: "SENT", toEmail: `x${address}` });
    await insertMessage({ status: "SENT", toEmail: address.replace("@", "+1@") });
    // An older row written with capitals still belongs to the address.
    await db.emailOutbox.update({ where: { id: sent.id }, data: { toEmail: address.toUpperCase() } });
    await suppress(address);

    const found = await findMessagesTo({ actor: staff, input: { to: `  ${address.toUpperCase()} ` } });
    expect(found.address).toBe(address);
    expect(found.messages.map((m) => m.status)).toEqual(["SUPPRESSED", "FAILED", "DEAD", "QUEUED", "SENT"]);
    expect(found.messages.find((m) => m.status === "FAILED")?.lastError).toBe("550 no such user");
    expect(found.messages.find((m) => m.status === "SENT")).toMatchObject({ eventRef: "incident-update:1", template: "subscription.confirm" });
    expect(found.messages.find((m) => m.status === "SENT")?.sentAt).toBeInstanceOf(Date);
    expect(found.more).toBe(false);
    expect(found.suppression?.reason).toContain("hard bounce");
  });

  it("answers an address that never got mail with an empty list", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const found = await findMessagesTo({ actor: staff, input: { to: uniqueAddress("nobody") } });
    expect(found).toMatchObject({ messages: [], more: false, suppression: null });
  });

  it("asks for a whole address and refuses subscribers", async () => {
    const staff = await makeDeskUser("SUPPORT");
    await expect(findMessagesTo({ actor: staff, input: { to: "email-desk.test" } })).rejects.toMatchObject({ code: "INVALID" });
    const subscriber = await makeDeskUser("SUBSCRIBER");
    await expect(findMessagesTo({ actor: subscriber, input: { to: uniqueAddress() } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
