"use client";

import { useEffect, useState } from "react";
import type { DeliveryCounts } from "@/lib/notifications/admin/get-delivery-counts";

const POLL_MS = 2_500;
/** The fan-out of a new update may still be writing its emails: keep looking this long. */
const FRESH_MS = 60_000;

/**
 * "Email: 120 queued · 3,400 sent · 2 failed · 15 suppressed" under an update, refreshed while
 * emails are still going out; hidden while the update caused no email.
 */
export function EmailDelivery({ eventRef, initial, postedAt }: { eventRef: string; initial: DeliveryCounts; postedAt: string }) {
  const [counts, setCounts] = useState(initial);
  const [polling, setPolling] = useState(() => initial.queued > 0 || Date.now() - Date.parse(postedAt) < FRESH_MS);

  useEffect(() => {
    if (!polling) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/email/counts?ref=${encodeURIComponent(eventRef)}`, { cache: "no-store" });
        // Signed out or no longer staff: stop asking rather than hammer the server.
        if (!response.ok) return setPolling(false);
        const next = (await response.json()) as DeliveryCounts;
        if (cancelled) return;
        setCounts(next);
        setPolling(next.queued > 0 || Date.now() - Date.parse(postedAt) < FRESH_MS);
      } catch {
        // A network blip: the next tick tries again.
        if (!cancelled) setCounts((c) => ({ ...c }));
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [counts, polling, eventRef, postedAt]);

  if (counts.total === 0) return null;
  const n = (value: number) => value.toLocaleString("en-US");
  return (
    <p className="muted text-sm" data-testid="email-delivery">
      Email: {n(counts.queued)} queued · {n(counts.sent)} sent · <span className={counts.failed ? "font-semibold text-red-800 dark:text-red-300" : undefined}>{n(counts.failed)} failed</span> · {n(counts.suppressed)} suppressed
    </p>
  );
}
