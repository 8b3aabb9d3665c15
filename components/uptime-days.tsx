"use client";

import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { UptimeDayDetail } from "@/components/uptime-day-detail";
import type { DayHistory, DayStatus } from "@/lib/incidents/uptime";
import { dayAriaLabel, formatUptime } from "@/lib/incidents/uptime-labels";

/** Phones show the most recent days only (the bar's `nth-last-child(n+31)` class); 90 bars would be a few pixels wide each. */
const PHONE_DAYS = 30;
const DAY = 86_400_000;

// Same families as components/tones.ts (ok green, warn amber, bad red, info blue), the green a
// softer one so that ninety quiet days stay calm; the two outage levels differ in depth.
const BAR: Record<DayStatus, string> = {
  OPERATIONAL: "bg-emerald-500 dark:bg-emerald-600",
  DEGRADED: "bg-amber-400",
  PARTIAL_OUTAGE: "bg-red-400",
  MAJOR_OUTAGE: "bg-red-700",
  MAINTENANCE: "bg-blue-500",
  NO_DATA: "bg-slate-200 dark:bg-slate-700",
};

/** Which day's detail is open, and whether a click or tap pinned it open (hover alone does not). */
type Selection = { day: number | null; pinned: boolean };
const CLOSED: Selection = { day: null, pinned: false };

/** A day button's position in the bar, or null for anything else. */
function dayOf(target: EventTarget): number | null {
  if (!(target instanceof HTMLButtonElement) || target.parentElement?.getAttribute("role") !== "group") return null;
  return Array.prototype.indexOf.call(target.parentElement.children, target);
}

export interface UptimeDaysProps {
  name: string;
  /** The first day, YYYY-MM-DD; day i is i days later. */
  from: string;
  statuses: DayStatus[];
  /** Only the days something happened on; every other day is quiet. */
  events: DayHistory[];
  uptimePercent: number | null;
  recentUptimePercent: number | null;
}

/**
 * One slim bar per day, coloured by that day's worst status. The bar is a single tab stop whose
 * days are reached with the arrow keys; hovering, focusing or tapping a day opens its detail in a
 * panel below, the only part rendered per day, so ninety buttons per service stay cheap.
 */
export function UptimeDays({ name, from, statuses, events, uptimePercent, recentUptimePercent }: UptimeDaysProps) {
  const fromMs = Date.parse(from);
  const eventful = new Map(events.map((e) => [e.date, e]));
  const days = statuses.map((status, i): DayHistory => {
    const date = new Date(fromMs + i * DAY).toISOString().slice(0, 10);
    return eventful.get(date) ?? { date, status, minutes: {}, incidents: [], maintenances: [] };
  });
  const [selection, setSelection] = useState<Selection>(CLOSED);
  const [active, setActive] = useState(days.length - 1);
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const returningFocus = useRef(false);
  const panelId = useId();
  const open = selection.day === null ? undefined : days[selection.day];

  // A tap or click anywhere else closes the panel, and so does Escape when a tap left focus
  // elsewhere (Safari does not focus buttons it taps); Escape inside the bar is handled below.
  useEffect(() => {
    if (selection.day === null) return;
    const onPointerDown = (event: globalThis.PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setSelection(CLOSED);
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) setSelection(CLOSED);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [selection.day]);

  const buttons = () => Array.from(bar.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
  const focusDay = (index: number) => buttons()[index]?.focus();

  /** Closes the panel and puts focus back on its day, without the focus reopening it. */
  function closeToDay() {
    setSelection(CLOSED);
    returningFocus.current = true;
    focusDay(active);
    returningFocus.current = false;
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const day = dayOf(event.target);
    if (day === null) return;
    setActive(day);
    if (!returningFocus.current) setSelection((s) => ({ day, pinned: s.pinned }));
  }

  function onPointerOver(event: PointerEvent<HTMLDivElement>) {
    const day = dayOf(event.target);
    if (event.pointerType === "mouse" && day !== null) setSelection((s) => ({ day, pinned: s.pinned }));
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const day = dayOf(event.target);
    if (day === null) return;
    setActive(day);
    setSelection((s) => (s.day === day && s.pinned ? CLOSED : { day, pinned: true }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && selection.day !== null) {
      event.preventDefault();
      if (dayOf(event.target) === null) closeToDay();
      else setSelection(CLOSED);
      return;
    }
    const day = dayOf(event.target);
    if (day === null || !["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    // Only the days on screen: on a phone the older sixty are not displayed.
    const visible = buttons().flatMap((b, i) => (b.getClientRects().length > 0 ? [i] : []));
    const at = visible.indexOf(day);
    const next = event.key === "Home" ? visible[0] : event.key === "End" ? visible.at(-1) : visible[event.key === "ArrowLeft" ? at - 1 : at + 1];
    if (next !== undefined) focusDay(next);
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    // Tabbing away closes; losing focus to nothing (the window, a tap on blank page) is left to the pointer handler.
    const to = event.relatedTarget;
    if (to instanceof Node && !root.current?.contains(to)) setSelection(CLOSED);
  }

  function onPointerLeave(event: PointerEvent<HTMLDivElement>) {
    if (event.pointerType === "mouse") setSelection((s) => (s.pinned ? s : CLOSED));
  }

  return (
    <div ref={root} className="relative mt-3" onKeyDown={onKeyDown} onBlur={onBlur} onPointerLeave={onPointerLeave}>
      <div
        ref={bar}
        role="group"
        aria-label={`${name}: status by day`}
        className="flex h-9 gap-px sm:h-8 sm:gap-0.5 *:min-w-0 *:flex-1 *:rounded-[2px] *:hover:opacity-75 max-sm:[&>:nth-last-child(n+31)]:hidden"
        onFocus={onFocus}
        onPointerOver={onPointerOver}
        onClick={onClick}
      >
        {days.map((day, i) => (
          <button
            key={day.date}
            type="button"
            tabIndex={i === active ? 0 : -1}
            aria-label={dayAriaLabel(day)}
            aria-expanded={selection.day === i}
            aria-controls={selection.day === i ? panelId : undefined}
            className={`${BAR[day.status]}${selection.day === i ? " ring-2 ring-slate-900 ring-offset-1 dark:ring-white dark:ring-offset-slate-900" : ""}`}
          />
        ))}
      </div>
      <div className="muted mt-1.5 flex items-center justify-between gap-2 text-xs">
        <span>
          <span className="sm:hidden">{Math.min(PHONE_DAYS, days.length)} days ago</span>
          <span className="max-sm:hidden">{days.length} days ago</span>
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        <span className="font-medium text-slate-800 dark:text-slate-200">
          <span className="sm:hidden">{formatUptime(recentUptimePercent)} uptime</span>
          <span className="max-sm:hidden">{formatUptime(uptimePercent)} uptime</span>
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        <span>Today</span>
      </div>
      {open && (
        <div className="pt-2 sm:absolute sm:inset-x-0 sm:top-full sm:z-20">
          <UptimeDayDetail id={panelId} name={name} day={open} onClose={closeToDay} />
        </div>
      )}
    </div>
  );
}
