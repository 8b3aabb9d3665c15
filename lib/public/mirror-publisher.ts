// The worker keeps the static mirror (docs/status-mirror.md) current: it publishes once at start
// and again a few seconds after any public change a web instance announces, many changes in a row
// becoming one publish. Workers sharing one mirror folder take turns under an advisory lock.
import path from "node:path";
import type pg from "pg";
import { listenForPublicChanges } from "./public-change-signal";
import { publishMirror } from "./publish-mirror";

export interface MirrorPublisherOptions {
  pool: pg.Pool;
  /** Where the public documents are fetched from: the edge or any web instance. */
  origin: string;
  root: string;
  staticDir: string;
  log: (line: string) => void;
  delayMs?: number;
}

/** Runs `task` `delayMs` after the first request; a request during a run gets one run of its own afterwards. */
export function coalesce(task: () => Promise<void>, delayMs: number, onError: (error: unknown) => void): (delay?: number) => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const request = (delay = delayMs) => {
    if (running) {
      again = true;
      return;
    }
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      running = true;
      task()
        .catch(onError)
        .finally(() => {
          running = false;
          if (again) {
            again = false;
            request();
          }
        });
    }, delay);
    pending.unref?.();
  };
  return request;
}

const MIRROR_LOCK = "aftercare:status-mirror";

export function startMirrorPublisher({ pool, origin, root, staticDir, log, delayMs = 3_000 }: MirrorPublisherOptions): () => Promise<void> {
  const publish = async () => {
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext($1))", [MIRROR_LOCK]);
      const result = await publishMirror({ origin, root: path.resolve(root), staticDir });
      log(`static mirror ${result.release}: ${result.documents} documents in ${result.ms} ms`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [MIRROR_LOCK]).catch(() => {});
      client.release();
    }
  };
  // A failed publish (the web instances still starting, say) is tried again half a minute later.
  const request = coalesce(publish, delayMs, (error) => {
    log(`static mirror publish failed, trying again in 30 s: ${(error as Error).message}`);
    setTimeout(() => request(), 30_000).unref();
  });
  const stop = listenForPublicChanges(() => request(), log);
  request(2_000);
  return stop;
}
