import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMyRecovery } from "./get-my-recovery";

describe("getMyRecovery (PostgreSQL)", () => {
  it("returns the subscriber's own six categories and nobody else's", async () => {
    const sam = await db.user.findUniqueOrThrow({ where: { email: "sam.rivera@example.com" } });
    const [incident] = await getMyRecovery({ id: sam.id, email: sam.email, role: sam.role });
    expect(incident?.categories.map((c) => c.category.slug)).toEqual(["contacts", "calendar", "notes", "tasks", "photos", "high-scores"]);
    expect(incident?.categories.map((c) => c.state)).toEqual(["RESTORED", "RESTORING", "VALIDATED", "RECOVERED", "AFFECTED", "UNRECOVERABLE"]);
    expect(incident?.restoredCount).toBe(1);
    expect(incident?.categories[0]?.eta).toEqual({ kind: "settled" });
    expect(incident?.categories[0]?.history.map((e) => e.toState)).toEqual(["RESTORED", "RESTORING", "VALIDATED", "RECOVERED", "AFFECTED"]);
    // Calendar is coming back now, so what comes next is the earliest projected of the rest.
    expect(incident?.comingBack).toEqual(["Calendar"]);
    expect(incident?.next?.name).toBe("Notes");

    const own = await db.restorationRecord.count({ where: { userId: sam.id } });
    expect(incident?.categories).toHaveLength(own);
  });

  it("returns nothing for an account with no records, even when others have many", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: "support@nimbus.example" } });
    expect(await getMyRecovery({ id: staff.id, email: staff.email, role: staff.role })).toEqual([]);
  });
});
