import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createMicroCache, isCacheable, type OriginResponse } from "./micro-cache";

const PAGE = "<html>" + "status ".repeat(400) + "</html>";
const cacheable = (body = PAGE, extra: Record<string, string> = {}): OriginResponse => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=5, stale-while-revalidate=60", ...extra },
  body: Buffer.from(body),
});

function request(url: string, headers: Record<string, string> = {}, method = "GET") {
  return { url, method, headers } as unknown as IncomingMessage;
}

interface Captured {
  status: number;
  sent: Record<string, string | number>;
  body?: Buffer;
}

function response(): ServerResponse & Captured {
  const captured = new EventEmitter() as unknown as Captured & Record<string, unknown>;
  captured.writeHead = (status: number, headers: Record<string, string | number>) => {
    captured.status = status;
    captured.sent = headers;
  };
  captured.end = (body?: Buffer) => {
    captured.body = body;
  };
  return captured as unknown as ServerResponse & Captured;
}

function setup(answers: (OriginResponse | Error)[]) {
  let clock = 0;
  const calls: string[] = [];
  const cache = createMicroCache({
    origin: async (url) => {
      calls.push(url);
      const next = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (next instanceof Error) throw next;
      return next;
    },
    ttlMs: 1000,
    now: () => clock,
  });
  return { cache, calls, tick: (ms: number) => (clock += ms) };
}

describe("the public micro-cache", () => {
  it("asks Next.js once per second per document, however many visitors come", async () => {
    const { cache, calls, tick } = setup([cacheable()]);
    const results = await Promise.all(Array.from({ length: 50 }, async () => {
      const res = response();
      await cache.serve(request("/"), res);
      return res;
    }));
    expect(calls).toEqual(["/"]);
    expect(results.every((r) => r.status === 200 && r.body?.toString() === PAGE)).toBe(true);
    tick(500);
    await cache.serve(request("/"), response());
    expect(calls).toHaveLength(1);
    tick(600);
    const stale = response();
    await cache.serve(request("/"), stale);
    expect(stale.sent["x-aftercare-cache"]).toBe("STALE");
    expect(calls).toHaveLength(2);
  });

  it("serves the new content after a refresh", async () => {
    const { cache, tick } = setup([cacheable("old"), cacheable("new")]);
    await cache.serve(request("/"), response());
    tick(1500);
    await cache.serve(request("/"), response()); // stale answer, refresh starts
    await new Promise((r) => setImmediate(r));
    const res = response();
    await cache.serve(request("/"), res);
    expect(res.body?.toString()).toBe("new");
  });

  it("keeps the last good copy when Next.js fails or cannot be reached", async () => {
    const { cache, tick } = setup([cacheable("good"), { status: 500, headers: {}, body: Buffer.from("boom") }, new Error("ECONNREFUSED")]);
    await cache.serve(request("/"), response());
    for (let i = 0; i < 3; i++) {
      tick(1500);
      const res = response();
      await cache.serve(request("/"), res);
      await new Promise((r) => setImmediate(r));
      expect(res.body?.toString()).toBe("good");
    }
  });

  it("hands uncacheable answers and unreachable origins back to Next.js", async () => {
    const privatePage = setup([{ status: 200, headers: { "cache-control": "private, no-store" }, body: Buffer.from("x") }]);
    expect(await privatePage.cache.serve(request("/claims"), response())).toBe(false);
    expect(await privatePage.cache.serve(request("/claims"), response())).toBe(false);
    expect(privatePage.calls).toHaveLength(1);
    const down = setup([new Error("ECONNREFUSED")]);
    expect(await down.cache.serve(request("/"), response())).toBe(false);
  });

  it("compresses once, answers conditional requests with 304 and HEAD without a body", async () => {
    const { cache } = setup([cacheable()]);
    const gz = response();
    await cache.serve(request("/", { "accept-encoding": "gzip, br" }), gz);
    expect(gz.sent["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body!).toString()).toBe(PAGE);
    expect(gz.sent.vary).toContain("Accept-Encoding");
    const etag = String(gz.sent.etag);
    const conditional = response();
    await cache.serve(request("/", { "if-none-match": etag }), conditional);
    expect(conditional.status).toBe(304);
    const head = response();
    await cache.serve(request("/", {}, "HEAD"), head);
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    expect(head.sent["content-length"]).toBe(Buffer.byteLength(PAGE));
  });

  it("only caches what Next.js marked as shareable", () => {
    expect(isCacheable(200, { "cache-control": "s-maxage=5, stale-while-revalidate=1" })).toBe(true);
    expect(isCacheable(200, { "cache-control": "public, max-age=0, s-maxage=5" })).toBe(true);
    expect(isCacheable(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })).toBe(false);
    expect(isCacheable(200, { "cache-control": "s-maxage=5", "set-cookie": "a=b" })).toBe(false);
    expect(isCacheable(302, { "cache-control": "s-maxage=5" })).toBe(false);
    expect(isCacheable(200, {})).toBe(false);
  });
});
