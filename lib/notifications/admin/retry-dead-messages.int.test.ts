import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retryDeadMessages } from "./retry-dead-messages";
import { insertMessage, makeDeskUser, suppress, uniqueAddress } from "./admin-test-outbox";

const statusOf = async (id: bigint) => (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).status;

describe("retrying dead letters (PostgreSQL)", () => {
  it("requeues one dead message from scratch and keeps its last error in the audit log", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const message = await insertMessage({ status: "DEAD", lastError: "421 4.7.0 try again later", attempts: 8, nextAttemptAt: new Date(Date.now() - 86_400_000) });

    const result = await retryDeadMessages({ actor: staff, input: { scope: "one", id: message.id.toString() } });
    expect(result).toEqual({ scope: "one", id: message.id.toString(), toEmail: message.toEmail });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null, lockedUntil: null });
    expect(Math.abs(row.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "EmailOutbox", entityId: message.id.toString() } });
    expect(audit).toMatchObject({ action: "email.message.requeued", actorId: staff.id, before: expect.objectContaining({ status: "DEAD", attempts: 8, lastError: "421 4.7.0 try again later" }) });
  });

  it("refuses to requeue a message to a suppressed address, saying why", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const address = uniqueAddress("bounced");
    await suppress(address, "hard bounce: 550 5.1.1 user unknown");
    const dead = await insertMessage({ status: "DEAD", toEmail: address });
    const failed = await insertMessage({ status: "FAILED", toEmail: address, lastError: "550 5.1.1 user unknown" });

    for (const message of [dead, failed]) {
      const attempt = retryDeadMessages({ actor: staff, input: { scope: "one", id: message.id.toString() } });
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`${address} is suppressed (hard bounce: 550 5.1.1 user unknown)`) });
    }
    expect(await statusOf(dead.id)).toBe("DEAD");
    expect(await statusOf(failed.id)).toBe("FAILED");
    expect(await db.auditLog.count({ where: { entityType: "EmailOutbox", entityId: { in: [dead.id.toString(), failed.id.toString()] } } })).toBe(0);
  });

  it("requeues a permanent failure once its suppression is gone, and nothing that is not dead or failed", async () => {
    const staff = await makeDeskUser("ADMIN");
    const failed = await insertMessage({ status: "FAILED", lastError: "550 mailbox full" });
    await retryDeadMessages({ actor: staff, input: { scope: "one", id: failed.id.toString() } });
    expect(await statusOf(failed.id)).toBe("QUEUED");

    const sent = await insertMessage({ status: "SENT", sentAt: new Date() });
    await expect(retryDeadMessages({ actor: staff, input: { scope: "one", id: sent.id.toString() } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(retryDeadMessages({ actor: staff, input: { scope: "one", id: "999999999999" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryDeadMessages({ actor: staff, input: { scope: "one", id: "12; drop" } })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("requeues every dead message at once, except suppressed addresses and superseded messages", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const tag = randomUUID().slice(0, 8);
    // Scoped to this test's addresses, so messages of tests running alongside stay as they are.
    const to = () => uniqueAddress(`bulk-${tag}`);
    const plain = await insertMessage({ status: "DEAD", toEmail: to(), lastError: "timeout" });
    const suppressedTo = to();
    await suppress(suppressedTo, "complaint");
    const blocked = await insertMessage({ status: "DEAD", toEmail: suppressedTo });
    // Two dead messages with one coalescing key: only the newer goes back in the queue.
    const olderDigest = await insertMessage({ status: "DEAD", toEmail: to(), coalesceKey: `digest:${tag}` });
    const newerDigest = await insertMessage({ status: "DEAD", toEmail: to(), coalesceKey: `digest:${tag}` });
    // A dead message whose news a queued one already carries stays dead.
    await insertMessage({ status: "QUEUED", toEmail: to(), coalesceKey: `progress:${tag}` });
    const superseded = await insertMessage({ status: "DEAD", toEmail: to(), coalesceKey: `progress:${tag}` });
    const failed = await insertMessage({ status: "FAILED", toEmail: to() });

    const result = await retryDeadMessages({ actor: staff, input: { scope: "all", q: `BULK-${tag}` } });
    expect(result).toEqual({ scope: "all", requeued: 2, skippedSuppressed: 1, skippedSuperseded: 2 });
    expect(await statusOf(plain.id)).toBe("QUEUED");
    expect(await statusOf(newerDigest.id)).toBe("QUEUED");
    expect(await statusOf(olderDigest.id)).toBe("DEAD");
    expect(await statusOf(superseded.id)).toBe("DEAD");
    expect(await statusOf(blocked.id)).toBe("DEAD");
    expect(await statusOf(failed.id)).toBe("FAILED");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "email.messages.requeued", actorId: staff.id } });
    expect(audit.before).toMatchObject({ search: `bulk-${tag}`, lastErrors: expect.arrayContaining([{ error: "timeout", count: 1 }]) });
    expect(audit.after).toMatchObject({ requeued: 2, ids: [newerDigest.id.toString(), plain.id.toString()] });

    await retryDeadMessages({ actor: staff, input: { scope: "all", includeFailed: "on", q: `bulk-${tag}` } });
    expect(await statusOf(failed.id)).toBe("QUEUED");
  });

  it("gives each dead message to exactly one of two bulk retries started together", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const tag = randomUUID().slice(0, 8);
    const messages = await Promise.all(Array.from({ length: 5 }, () => insertMessage({ status: "DEAD", toEmail: uniqueAddress(`twice-${tag}`) })));
    const input = { scope: "all", q: `twice-${tag}` };
    const [a, b] = await Promise.all([retryDeadMessages({ actor: staff, input }), retryDeadMessages({ actor: staff, input })]);
    expect((a.scope === "all" ? a.requeued : 0) + (b.scope === "all" ? b.requeued : 0)).toBe(5);
    for (const message of messages) expect(await statusOf(message.id)).toBe("QUEUED");
  });

  it("is for staff only", async () => {
    const subscriber = await makeDeskUser("SUBSCRIBER");
    const message = await insertMessage({ status: "DEAD" });
    await expect(retryDeadMessages({ actor: subscriber, input: { scope: "one", id: message.id.toString() } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryDeadMessages({ actor: subscriber, input: { scope: "all", q: message.toEmail } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await statusOf(message.id)).toBe("DEAD");
  });
});
