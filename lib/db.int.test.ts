import { afterAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../scripts/test-env";
import { disconnectDb, pgPool, warmUpDatabase } from "./db";

describe("warmUpDatabase (PostgreSQL)", () => {
  afterAll(async () => {
    await disconnectDb();
    vi.unstubAllEnvs();
  });

  it("opens the connections it is asked for and leaves them idle in the pool, ready for a burst", async () => {
    await disconnectDb();
    expect(await warmUpDatabase(4)).toBe(4);
    expect(pgPool().totalCount).toBe(4);
    expect(pgPool().idleCount).toBe(4);
    // Prisma's engine started on the same pool: a query needs no connection of its own.
    const { db } = await import("./db");
    expect(await db.user.count({ where: { id: "" } })).toBe(0);
    expect(pgPool().totalCount).toBe(4);
  });

  it("with no database to reach, reports it and lets the service start: the pool connects on demand later", async () => {
    await disconnectDb();
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    vi.stubEnv("DATABASE_URL", `postgresql://postgres@127.0.0.1:${await freePort()}/none`);
    vi.resetModules();
    const fresh = await import("./db");
    expect(await fresh.warmUpDatabase(3)).toBe(0);
    expect(errors.some((line) => line.startsWith("Could not open every database connection ahead of requests"))).toBe(true);
    spy.mockRestore();
    await fresh.disconnectDb();
  });
});
