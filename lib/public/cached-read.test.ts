import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({
  // Outside Next.js there is no cache: run the read, but through the same JSON round trip.
  unstable_cache: (fn: () => Promise<string>) => fn,
}));

vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
const { cachedRead } = await import("./cached-read");

describe("cachedRead", () => {
  it("keeps dates as dates, nested anywhere, through the JSON cache", async () => {
    const at = new Date("2026-11-20T09:30:00.000Z");
    const result = await cachedRead(["k"], ["t"], async () => ({ at, list: [{ when: at, n: 1 }], none: null, text: "x" }));
    expect(result.at).toBeInstanceOf(Date);
    expect(result.at.toISOString()).toBe(at.toISOString());
    expect(result.list[0]!.when).toBeInstanceOf(Date);
    expect(result).toMatchObject({ none: null, text: "x", list: [{ n: 1 }] });
  });

  it("leaves an object that merely has a $date key among others alone", async () => {
    const result = await cachedRead(["k"], ["t"], async () => ({ weird: { $date: "2026-01-01", other: 1 } }));
    expect(result.weird).toEqual({ $date: "2026-01-01", other: 1 });
  });
});
