import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getEmailOverview, MESSAGES_PER_PAGE } from "./get-email-overview";
import { insertMessage, makeDeskUser, suppress, uniqueAddress } from "./admin-test-outbox";

describe("email desk overview (PostgreSQL)", () => {
  it("counts every status and the recent sends, including this test's rows", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const before = await getEmailOverview({ actor: staff, input: {} });
    await insertMessage({ status: "SENT", sentAt: new Date(Date.now() - 10 * 60_000) });
    await insertMessage({ status: "SENT", sentAt: new Date(Date.now() - 5 * 3_600_000) });
    await insertMessage({ status: "SENT", sentAt: new Date(Date.now() - 48 * 3_600_000) });
    await insertMessage({ status: "DEAD" });
    await insertMessage({ status: "SUPPRESSED" });
    const after = await getEmailOverview({ actor: staff, input: {} });

    // Other tests run alongside, so only growth by at least this test's rows is certain.
    expect(after.counts.SENT - before.counts.SENT).toBeGreaterThanOrEqual(3);
    expect(after.counts.DEAD - before.counts.DEAD).toBeGreaterThanOrEqual(1);
    expect(after.counts.SUPPRESSED - before.counts.SUPPRESSED).toBeGreaterThanOrEqual(1);
    expect(after.sentLastHour - before.sentLastHour).toBeGreaterThanOrEqual(1);
    expect(after.sentLastDay - before.sentLastDay).toBeGreaterThanOrEqual(2);
    expect(after.total).toBe(Object.values(after.counts).reduce((a, b) => a + b, 0));
  });

  it("reports how far behind the worker is from the oldest due message", async () => {
    const staff = await makeDeskUser("SUPPORT");
    await insertMessage({ status: "QUEUED", nextAttemptAt: new Date(Date.now() - 2 * 3_600_000) });
    // Not due yet: a scheduled retry is not a backlog.
    await insertMessage({ status: "QUEUED", nextAttemptAt: new Date(Date.now() + 3 * 3_600_000) });
    const overview = await getEmailOverview({ actor: staff, input: {} });
    expect(overview.behindSeconds).toBeGreaterThanOrEqual(2 * 3600 - 5);
    expect(overview.oldestDueAt!.getTime()).toBeLessThanOrEqual(Date.now() - 2 * 3_600_000 + 5_000);
  });

  it("lists dead and failed messages newest first, a page at a time, searched by address", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const tag = randomUUID().slice(0, 8);
    const address = `dead-${tag}@email-desk.test`;
    const dead = [];
    for (let i = 0; i < MESSAGES_PER_PAGE + 3; i++) dead.push(await insertMessage({ status: "DEAD", toEmail: address, lastError: `421 try later #${i}` }));
    const failedTo = `failed-${tag}@email-desk.test`;
    await suppress(failedTo, "550 no such user");
    const failed = await insertMessage({ status: "FAILED", toEmail: failedTo, lastError: "550 no such user", attempts: 1 });

    const first = await getEmailOverview({ actor: staff, input: { q: `DEAD-${tag}` } });
    expect(first.dead.messages.map((m) => m.id)).toEqual(dead.slice(-MESSAGES_PER_PAGE).reverse().map((m) => m.id.toString()));
    expect(first.dead.messages[0]).toMatchObject({ toEmail: address, status: "DEAD", lastError: `421 try later #${MESSAGES_PER_PAGE + 2}`, suppressedReason: null });
    expect(first.failed.messages).toEqual([]);
    expect(first.dead.olderCursor).toBe(first.dead.messages.at(-1)!.id);

    const second = await getEmailOverview({ actor: staff, input: { q: address, dead: first.dead.olderCursor } });
    expect(second.dead.messages.map((m) => m.id)).toEqual(dead.slice(0, 3).reverse().map((m) => m.id.toString()));
    expect(second.dead.olderCursor).toBeNull();

    const failures = await getEmailOverview({ actor: staff, input: { q: failedTo } });
    expect(failures.failed.messages).toEqual([expect.objectContaining({ id: failed.id.toString(), suppressedReason: "550 no such user", attempts: 1 })]);
    expect(failures.suppressions).toEqual([expect.objectContaining({ email: failedTo, reason: "550 no such user" })]);
    expect(failures.suppressionTotal).toBe(1);
  });

  it("treats search text literally and refuses subscribers and broken page links", async () => {
    const staff = await makeDeskUser("SUPPORT");
    await insertMessage({ status: "DEAD", toEmail: uniqueAddress("percent") });
    expect((await getEmailOverview({ actor: staff, input: { q: "%" } })).dead.messages).toEqual([]);
    await expect(getEmailOverview({ actor: await makeDeskUser("SUBSCRIBER"), input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getEmailOverview({ actor: staff, input: { dead: "abc" } })).rejects.toMatchObject({ code: "INVALID" });
  });
});
