import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../test-env";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-embedded-"));
let embedded: EmbeddedDatabase;
beforeAll(async () => {
  embedded = await ensureEmbeddedDatabase({ dataDir: path.join(tmp, "pgdata"), port: await freePort(), quiet: true });
});
afterAll(async () => {
  await embedded.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("the embedded database", () => {
  // As under `npm run dev`: the email worker's transactions run while pages query on other connections.
  it("keeps each connection's statements apart while others run transactions", async () => {
    const pools = [new pg.Pool({ connectionString: embedded.url, max: 6 }), new pg.Pool({ connectionString: embedded.url, max: 6 })];
    for (const pool of pools) pool.on("error", () => {});
    const inTransaction = async (pool: pg.Pool, i: number) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ n: number }>("SELECT $1::int + $2::int AS n", [i, 1]);
        await client.query("COMMIT");
        return rows[0]!.n === i + 1;
      } finally {
        client.release();
      }
    };
    const alone = (pool: pg.Pool, i: number) =>
      pool.query<{ t: string }>("SELECT $1::text || $2::text || $3::text AS t", [`q${i}`, "-", "x"]).then((r) => r.rows[0]!.t === `q${i}-x`);
    const answers = await Promise.allSettled(Array.from({ length: 400 }, (_, i) => (i % 2 ? inTransaction(pools[i % 4 === 1 ? 0 : 1]!, i) : alone(pools[i % 4 === 0 ? 1 : 0]!, i))));
    await Promise.all(pools.map((pool) => pool.end()));
    expect(answers.filter((a) => a.status === "rejected").map((a) => String((a as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);
    expect(answers.every((a) => a.status === "fulfilled" && a.value)).toBe(true);
  });
});
