// Where staged rows go: COPY on a PostgreSQL server; batched INSERTs on the embedded PGlite, whose
// socket server cannot take COPY FROM STDIN (its sub-protocol desynchronises the connection).
import { once } from "node:events";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { onEmbeddedDatabase } from "@/lib/db";
import { COPY_STAGING, copyLine, STAGING_COLUMNS } from "./import-sql";

/** One staged row, in STAGING_COLUMNS order. */
export type StagingValues = [number, string | null, string | null, number | null, string | null, number | null, number | null, number | null, string | null, string | null];

export interface StagingWriter {
  add(values: StagingValues): void;
  /** Resolves when the writer can take more rows (backpressure); rejects if the database refused them. */
  ready(): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

export const stagingWriter = (client: PoolClient): StagingWriter => (onEmbeddedDatabase() ? insertWriter(client) : copyWriter(client));

// COPY text goes out in batches of ~900 rows. Bigger ones cost more than they save: the pending
// text is a rope of small strings that every young-generation GC has to copy while it grows.
const BATCH_CHARS = 64 * 1024;

function copyWriter(client: PoolClient): StagingWriter {
  const copy = client.query(copyFrom(COPY_STAGING));
  const copied = new Promise<void>((resolve, reject) => {
    copy.on("finish", resolve);
    copy.on("error", reject);
  });
  copied.catch(() => {}); // awaited in ready() and end(); this only keeps an early failure from going unhandled
  let pending = "";
  return {
    add(values) {
      pending += copyLine(values);
      if (pending.length < BATCH_CHARS) return;
      copy.write(pending);
      pending = "";
    },
    // A COPY that failed (PostgreSQL refused a row) will never drain: its failure ends the wait.
    ready: async () => {
      if (copy.writableNeedDrain) await Promise.race([once(copy, "drain"), copied]);
    },
    end: async () => {
      copy.end(pending);
      await copied;
    },
    abort: async () => {
      copy.destroy();
      await copied.catch(() => {});
    },
  };
}

const INSERT_BATCH_ROWS = 2_000;

function insertWriter(client: PoolClient): StagingWriter {
  let rows: StagingValues[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  const flush = () => {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => Object.fromEntries(STAGING_COLUMNS.map((c, i) => [c, r[i]]))));
    rows = [];
    inFlight = inFlight.then(() => client.query(`INSERT INTO staging SELECT * FROM json_populate_recordset(NULL::staging, $1::json)`, [json]));
  };
  return {
    add(values) {
      rows.push(values);
      if (rows.length >= INSERT_BATCH_ROWS) flush();
    },
    ready: async () => {
      await inFlight;
    },
    end: async () => {
      flush();
      await inFlight;
    },
    abort: async () => {
      rows = [];
      await inFlight.catch(() => {});
    },
  };
}
