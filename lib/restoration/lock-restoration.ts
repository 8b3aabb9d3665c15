import type { Tx } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { restorationLockKey } from "./import-batch";

const RETRY_MS = 150;

/**
 * Takes the incident's restoration lock (the one every writer of restoration records holds) for
 * the rest of the transaction. A large import can hold it for minutes, so a person waits a few
 * seconds at most and is then told to retry, instead of the request hanging until it times out.
 */
export async function lockRestorationRecords(tx: Tx, incidentId: number, waitMs = 4_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${restorationLockKey(incidentId)}::bigint) AS locked`;
    if (row?.locked) return;
    if (Date.now() >= deadline) throw Conflict("Restoration data for this incident is being imported right now. Please try again in a minute.");
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
