import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consumeRateLimit } from "./rate-limit";

describe("consumeRateLimit (PostgreSQL)", () => {
  it("allows up to the limit, then refuses with a retry time", async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit(key, 3, 60)).allowed).toBe(true);
    const blocked = await consumeRateLimit(key, 3, 60);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts concurrent attempts exactly: no burst slips through", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(key, 5, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it("keeps separate keys apart", async () => {
    const a = `test:${randomUUID()}`;
    const b = `test:${randomUUID()}`;
    await consumeRateLimit(a, 1, 60);
    expect((await consumeRateLimit(a, 1, 60)).allowed).toBe(false);
    expect((await consumeRateLimit(b, 1, 60)).allowed).toBe(true);
  });
});
