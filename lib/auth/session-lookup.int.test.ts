import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgWireProxy, viaProxy, type PgWireProxy } from "../../scripts/db/pg-wire-proxy";

// The database sits behind a proxy that can play dead, so the lookup meets a real lost connection.
const originalUrl = process.env.DATABASE_URL!;
let proxy: PgWireProxy;
let lookup: typeof import("./session-lookup");
let disconnect: () => Promise<void>;
const token = `lookup-${randomUUID()}`;
const email = `lookup-${randomUUID().slice(0, 8)}@example.com`;

beforeAll(async () => {
  const target = new URL(originalUrl);
  proxy = await startPgWireProxy({ host: target.hostname, port: Number(target.port || 5432) });
  // Before anything reads the environment: this file's modules talk to the database through the proxy.
  process.env.DATABASE_URL = viaProxy(originalUrl, proxy);
  lookup = await import("./session-lookup");
  disconnect = (await import("@/lib/db")).disconnectDb;
  const client = new pg.Client({ connectionString: originalUrl });
  await client.connect();
  const userId = randomUUID();
  await client.query(`INSERT INTO "User" (id, email, role, "updatedAt") VALUES ($1, $2, 'SUBSCRIBER', now())`, [userId, email]);
  await client.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [randomUUID(), token, userId]);
  await client.end();
});

afterAll(async () => {
  await disconnect?.();
  await proxy?.close();
  process.env.DATABASE_URL = originalUrl;
});

describe("userForSessionToken", () => {
  it("tells a valid session from a missing one", async () => {
    expect(await lookup.userForSessionToken(token)).toMatchObject({ email, role: "SUBSCRIBER" });
    expect(await lookup.userForSessionToken(`missing-${randomUUID()}`)).toBeNull();
  });

  it("throws Unavailable when the database cannot be reached, instead of answering \"no session\"", async () => {
    proxy.goDown();
    try {
      await expect(lookup.userForSessionToken(token)).rejects.toMatchObject({ code: "UNAVAILABLE" });
      await expect(lookup.userFromRequest(new Request("http://localhost/claims", { headers: { cookie: `next-auth.session-token=${token}` } }))).rejects.toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      proxy.comeBack();
    }
    // The same session works again once the database is back: nobody was signed out.
    await expect.poll(() => lookup.userForSessionToken(token).catch(() => null), { timeout: 15_000 }).toMatchObject({ email });
  });
});
