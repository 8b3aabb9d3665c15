import { describe, expect, it, vi } from "vitest";

vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
const { CURSOR_MAX_AGE_SECONDS, decodeReplyCursor, decodeThreadCursor, encodeCursor } = await import("./cursor");
const { tokens } = await import("@/lib/security/signed-token");

describe("forum cursors", () => {
  it("round-trip as opaque base64url strings", () => {
    const cursor = { s: "newest" as const, p: false, k: "2026-11-20T10:00:00.123Z", i: 42 };
    const raw = encodeCursor(cursor);
    expect(raw).toMatch(/^[A-Za-z0-9_-]{8}\.[0-9a-z]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(decodeThreadCursor(raw, "newest")).toEqual(cursor);
    const reply = { r: 1, k: "2026-11-20T10:00:00.000Z", i: 7 };
    expect(decodeReplyCursor(encodeCursor(reply))).toEqual(reply);
  });

  it("refuses a cursor from another sort order", () => {
    const raw = encodeCursor({ s: "votes", p: true, k: 12, i: 3 });
    expect(() => decodeThreadCursor(raw, "newest")).toThrow(/different sort order/);
    expect(decodeThreadCursor(raw, "votes")).toMatchObject({ k: 12, p: true });
  });

  it("refuses tampered or malformed cursors with a message to reload", () => {
    for (const raw of ["", "not base64!", Buffer.from("{").toString("base64url"), encodeCursor({ r: 1, k: "2026-11-20T10:00:00Z", i: 1 }), "A".repeat(500)]) {
      expect(() => decodeThreadCursor(raw, "newest")).toThrow(/Reload the page/);
    }
    expect(() => decodeThreadCursor(encodeCursor({ s: "votes", p: false, k: "2026-11-20T10:00:00Z", i: 1 }), "votes")).toThrow();
  });

  it("accepts only cursors this server signed, so nobody can mint new cache entries", () => {
    const genuine = encodeCursor({ s: "newest", p: false, k: "2026-11-20T10:00:00.000Z", i: 42 });
    const [kid, issued, , sig] = genuine.split(".");
    const forged = `${kid}.${issued}.${Buffer.from(JSON.stringify({ s: "newest", p: false, k: "2026-11-20T10:00:00.001Z", i: 42 })).toString("base64url")}.${sig}`;
    expect(() => decodeThreadCursor(forged, "newest")).toThrow(/Reload the page/);
    const unsigned = genuine.split(".").slice(0, 3).join(".");
    expect(() => decodeThreadCursor(unsigned, "newest")).toThrow(/Reload the page/);
    // The same payload signed for another purpose (an email link's key) is not a cursor.
    const otherPurpose = tokens().sign("email-preferences", JSON.stringify({ s: "newest", p: false, k: "2026-11-20T10:00:00.000Z", i: 42 }));
    expect(() => decodeThreadCursor(otherPurpose, "newest")).toThrow(/Reload the page/);
    expect(decodeThreadCursor(genuine, "newest").i).toBe(42);
  });

  it("expire, so a cursor copied out of a page cannot be replayed for ever", () => {
    const cursor = { s: "newest" as const, p: false, k: "2026-11-20T10:00:00.000Z", i: 42 };
    const now = Date.now();
    expect(decodeThreadCursor(encodeCursor(cursor, now - (CURSOR_MAX_AGE_SECONDS - 60) * 1000), "newest")).toEqual(cursor);
    expect(() => decodeThreadCursor(encodeCursor(cursor, now - (CURSOR_MAX_AGE_SECONDS + 60) * 1000), "newest")).toThrow(/no longer available/);
  });
});
