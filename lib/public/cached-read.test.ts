import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const calls: { fixedKey: string; tags: string[] | undefined }[] = [];
vi.mock("next/cache", () => ({
  // Outside Next.js there is no cache: run the read, but through the same JSON round trip. The key
  // is recorded as Next.js forms it (unstable-cache.js: the callback's text, then the key parts).
  unstable_cache: (fn: () => Promise<string>, keyParts: string[], options: { tags?: string[] }) => {
    calls.push({ fixedKey: `${fn.toString()}-${keyParts.join(",")}`, tags: options.tags });
    return fn;
  },
}));

// A build folder of the test's own, as `next start` finds one.
const dist = mkdtempSync(path.join(tmpdir(), "cached-read-"));
writeFileSync(path.join(dist, "BUILD_ID"), "build-one");
vi.stubEnv("NEXT_DIST_DIR", path.relative(process.cwd(), dist));
vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
const { cachedRead } = await import("./cached-read");
afterAll(() => rmSync(dist, { recursive: true, force: true }));

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

  it("names an entry by its key parts alone, never by the callback's source text", async () => {
    // Minified, one read's callback text differs between the bundles that run it (a page's, an API
    // route's); were it part of the key, one read would be cached under several keys.
    calls.length = 0;
    await cachedRead(["status-overview"], ["public:status"], async () => 1);
    await cachedRead(["incident", "a"], ["public:status"], async () => 2);
    expect(calls[0]!.fixedKey).toMatch(/^cachedRead-build-one:[0-9a-f]{12},status-overview$/);
    expect(calls[1]!.fixedKey).toMatch(/^cachedRead-build-one:[0-9a-f]{12},incident,a$/);
    expect(calls[0]!.tags).toEqual(["public:status"]);
  });

  async function keyWith({ build, database }: { build: string; database: string }): Promise<string> {
    writeFileSync(path.join(dist, "BUILD_ID"), build);
    vi.stubEnv("DATABASE_URL", database);
    vi.resetModules();
    calls.length = 0;
    await (await import("./cached-read")).cachedRead(["status-overview"], ["public:status"], async () => 1);
    return calls[0]!.fixedKey;
  }

  it("scopes entries by build and by database: no build reads another's results, no database's content is served for another's", async () => {
    const base = await keyWith({ build: "build-one", database: "postgresql://unused@127.0.0.1/none" });
    expect(await keyWith({ build: "build-one", database: "postgresql://unused@127.0.0.1/none" })).toBe(base);
    expect(await keyWith({ build: "build-two", database: "postgresql://unused@127.0.0.1/none" })).not.toBe(base);
    expect(await keyWith({ build: "build-one", database: "postgresql://unused@127.0.0.1/other" })).not.toBe(base);
  });
});
