import { listenForPublicChanges, PROCESS_ID, signNotice, type PublicChangeNotice } from "./public-change-signal";

/**
 * Started once per web instance (instrumentation.ts): every public change another process
 * announces is handed to this instance's own endpoint, because Next.js expires cache tags only
 * inside a request. A reconnect may have missed notices, so it expires the status page and the
 * incident lists (incident pages refresh within their own 5-second revalidation).
 */
export function followPublicChanges(): () => Promise<void> {
  const deliver = (notice: PublicChangeNotice | null) => {
    const port = process.env.PORT;
    if (!port) return;
    const body = JSON.stringify(notice ?? { from: PROCESS_ID, change: { kind: "status" } });
    fetch(`http://127.0.0.1:${port}/api/internal/public-change`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-aftercare-signature": signNotice(body) },
      body,
    }).then(
      (response) => {
        if (!response.ok) console.error(`Expiring the public cache answered ${response.status}`);
      },
      (error: unknown) => console.error("Could not expire the public cache:", (error as Error).message),
    );
  };
  return listenForPublicChanges(deliver);
}
