import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findSubscribers } from "./find-subscribers";
import { makeScenario, makeUser } from "./staff-test-scenario";

describe("findSubscribers (PostgreSQL)", () => {
  it("finds a subscriber by email, phone or account reference, however staff type it", async () => {
    const { staff, subscriber } = await makeScenario();
    const user = await db.user.findUniqueOrThrow({ where: { id: subscriber.id } });
    const spacedPhone = `${user.phone!.slice(0, 2)} ${user.phone!.slice(2, 5)}-${user.phone!.slice(5, 8)} ${user.phone!.slice(8)}`;
    for (const q of [user.email.toUpperCase(), ` ${user.email} `, user.phone!, spacedPhone, user.accountRef!, user.accountRef!.toLowerCase()]) {
      const result = await findSubscribers({ actor: staff, input: { q } });
      expect(result.subscribers.map((s) => s.id), q).toEqual([subscriber.id]);
      expect(result.subscribers[0]).toEqual({ id: user.id, email: user.email, name: user.name, accountRef: user.accountRef, phone: user.phone });
    }
  });

  it("finds the demo subscribers by the keys on file", async () => {
    const staff = await makeUser("SUPPORT");
    for (const q of ["zoe.rivera13@example.com", "+1 555 100 0013", "nm-100013"]) {
      expect((await findSubscribers({ actor: staff, input: { q } })).subscribers.map((s) => s.email), q).toEqual(["zoe.rivera13@example.com"]);
    }
  });

  it("matches a reference stored in mixed case", async () => {
    const staff = await makeUser("SUPPORT");
    const ref = `Mx-${randomUUID().slice(0, 8)}`;
    const odd = await makeUser("SUBSCRIBER", { accountRef: ref });
    expect((await findSubscribers({ actor: staff, input: { q: ref.toLowerCase() } })).subscribers.map((s) => s.id)).toEqual([odd.id]);
  });

  it("says when nobody matches, and does not search for text that cannot be a key", async () => {
    const staff = await makeUser("SUPPORT");
    expect(await findSubscribers({ actor: staff, input: { q: "nobody-here@example.com" } })).toEqual({ searched: true, subscribers: [] });
    expect(await findSubscribers({ actor: staff, input: { q: "NM-999999999" } })).toEqual({ searched: true, subscribers: [] });
    expect(await findSubscribers({ actor: staff, input: { q: "  " } })).toEqual({ searched: false, subscribers: [] });
  });

  it("refuses a subscriber looking up someone else", async () => {
    const { subscriber } = await makeScenario();
    await expect(findSubscribers({ actor: subscriber, input: { q: "zoe.rivera13@example.com" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
