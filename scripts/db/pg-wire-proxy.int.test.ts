import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgWireProxy, viaProxy, type PgWireProxy } from "./pg-wire-proxy";

const databaseUrl = process.env.DATABASE_URL!;
let proxy: PgWireProxy;

beforeAll(async () => {
  const url = new URL(databaseUrl);
  proxy = await startPgWireProxy({ host: url.hostname, port: Number(url.port || 5432) });
});
afterAll(() => proxy.close());

describe("the counting PostgreSQL proxy", () => {
  it("counts simple and extended-protocol queries, nothing else", async () => {
    const client = new pg.Client({ connectionString: viaProxy(databaseUrl, proxy) });
    await client.connect();
    proxy.reset();
    await client.query("SELECT 1");
    await client.query("SELECT $1::int AS n", [2]);
    await client.query({ text: "SELECT $1::text AS t", values: ["x".repeat(100_000)] });
    expect(proxy.queries()).toBe(3);
    await client.end();
  });

  it("plays a database that went away, and one that came back", async () => {
    const client = new pg.Client({ connectionString: viaProxy(databaseUrl, proxy) });
    client.on("error", () => {});
    await client.connect();
    proxy.goDown();
    await expect(client.query("SELECT 1")).rejects.toThrow();
    const fresh = new pg.Client({ connectionString: viaProxy(databaseUrl, proxy), connectionTimeoutMillis: 2000 });
    fresh.on("error", () => {});
    await expect(fresh.connect()).rejects.toThrow();
    expect(proxy.refused()).toBeGreaterThan(0);
    proxy.comeBack();
    const again = new pg.Client({ connectionString: viaProxy(databaseUrl, proxy) });
    await again.connect();
    expect((await again.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    await again.end();
  });
});
