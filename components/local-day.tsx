"use client";

import { useSyncExternalStore } from "react";
import { byDay } from "@/lib/restoration/eta-words";

const noSubscription = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "by Sun, Dec 13 (your time)": a projected day in the reader's time zone. Cached pages are
 * rendered once for everyone, so the server (and a reader without scripts) gets the UTC day, named.
 */
export function LocalDay({ iso }: { iso: string }) {
  const zone = useSyncExternalStore(noSubscription, readerZone, () => null);
  const date = new Date(iso);
  const now = new Date();
  return <time dateTime={iso}>{zone ? byDay(date, zone, "your time", now) : byDay(date, "UTC", "UTC", now)}</time>;
}
