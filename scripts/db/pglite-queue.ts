// PGLiteSocketServer (0.2) runs its connections' wire messages through one queue into one PGlite
// session. It keeps a transaction's messages together, but not an extended-protocol exchange
// (Parse … Sync): another connection's Parse or BEGIN could land in between and take over the
// unnamed statement or portal ("portal does not exist", "bind message supplies 3 parameters"). And a
// failed message left the queue marked busy for good, so every later query timed out.
// This keeps serving one connection until its exchange ends, and never leaves the queue stuck.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

// Parse, Bind, Describe, Execute, Close and Flush leave an exchange open until Sync ("S").
const OPENS_EXCHANGE = new Set([..."PBDECH"].map((c) => c.charCodeAt(0)));

export function serveExchangesWhole(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let exchangeOpen = false;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const exclusive = this.lastHandlerId !== null && (exchangeOpen || db.isInTransaction());
        // One connection's exchange or transaction is under way: wait for its next message.
        const index = exclusive ? this.queue.findIndex((m) => m.handlerId === this.lastHandlerId) : 0;
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          exchangeOpen = false;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        exchangeOpen = OPENS_EXCHANGE.has(item.message[0]!);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away mid-exchange must not hold the others up.
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (handlerId !== queue.lastHandlerId || !exchangeOpen) return;
    exchangeOpen = false;
    void queue.processQueue();
  };
}
