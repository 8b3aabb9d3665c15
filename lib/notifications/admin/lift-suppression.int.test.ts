import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { liftSuppression } from "./lift-suppression";
import { makeDeskUser, suppress, uniqueAddress } from "./admin-test-outbox";

describe("lifting a suppression (PostgreSQL)", () => {
  it("removes the address with the staff member's note in the audit log", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const address = uniqueAddress("lift");
    await suppress(address, "hard bounce: 550 mailbox unavailable");

    expect(await liftSuppression({ actor: staff, input: { email: ` ${address.toUpperCase()} `, note: "Customer fixed their mailbox (ticket 4411)" } })).toEqual({ email: address });
    expect(await db.emailSuppression.findUnique({ where: { email: address } })).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "EmailSuppression", entityId: address } });
    expect(audit).toMatchObject({
      action: "email.suppression.lifted",
      actorId: staff.id,
      before: expect.objectContaining({ reason: "hard bounce: 550 mailbox unavailable" }),
      after: { note: "Customer fixed their mailbox (ticket 4411)" },
    });
  });

  it("requires a note, and says so when the address is not suppressed", async () => {
    const staff = await makeDeskUser("SUPPORT");
    const address = uniqueAddress("keep");
    await suppress(address);
    await expect(liftSuppression({ actor: staff, input: { email: address, note: "  " } })).rejects.toMatchObject({ code: "INVALID", details: { field: "note" } });
    expect(await db.emailSuppression.findUnique({ where: { email: address } })).not.toBeNull();
    await expect(liftSuppression({ actor: staff, input: { email: uniqueAddress("never"), note: "checked" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is for staff only", async () => {
    const address = uniqueAddress("staff-only");
    await suppress(address);
    await expect(liftSuppression({ actor: await makeDeskUser("SUBSCRIBER"), input: { email: address, note: "please" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.emailSuppression.findUnique({ where: { email: address } })).not.toBeNull();
  });
});
