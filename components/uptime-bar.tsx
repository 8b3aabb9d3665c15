"use client";

import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { UptimeDayDetail } from "@/components/uptime-day-detail";
import type { ComponentHistory, DayStatus } from "@/lib/incidents/uptime";
import { dayAriaLabel, formatUptime } from "@/lib/incidents/uptime-labels";

/** Phones show the most recent days only; 90 bars would be a few pixels wide each. */
const PHONE_DAYS = 30;

// Same families as components/tones.ts (ok green, warn amber, bad red, info blue); the two outage
// levels differ in depth so that a partial outage does not read as a major one.
const BAR: Record<DayStatus, string> = {
  OPERATIONAL: "bg-green-500",
  DEGRADED: "bg-amber-400",
  PARTIAL_OUTAGE: "bg-red-400",
  MAJOR_OUTAGE: "bg-red-700",
  MAINTENANCE: "bg-blue-500",
  NO_DATA: "bg-slate-200 dark:bg-slate-700",
};

/** Which day's detail is open, and whether a click or tap pinned it open (hover alone does not). */
type Selection = { day: number | null; pinned: boolean };
const CLOSED: Selection = { day: null, pinned: false };

const dayOf = (target: EventTarget) => {
  const index = target instanceof HTMLElement ? target.dataset.day : undefined;
  return index === undefined ? null : Number(index);
};

/**
 * One slim bar per day, coloured by that day's worst status. The bar is a single tab stop whose
 * days are reached with the arrow keys; hovering, focusing or tapping a day opens its detail in a
 * panel below, the only part rendered per day, so ninety buttons per service stay cheap.
 */
export function UptimeBar({ name, history }: { name: string; history: ComponentHistory | undefined }) {
  const days = history?.days ?? [];
  const [selection, setSelection] = useState<Selection>(CLOSED);
  const [active, setActive] = useState(days.length - 1);
  const root = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const returningFocus = useRef(false);
  const panelId = useId();
  const phoneFrom = Math.max(0, days.length - PHONE_DAYS);
  const open = selection.day === null ? undefined : days[selection.day];

  // A tap or click anywhere else closes the panel.
  useEffect(() => {
    if (selection.day === null) return;
    const onPointerDown = (event: globalThis.PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setSelection(CLOSED);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
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
    if (day === null) return;
    // Only the days on screen: on a phone the older sixty are not displayed.
    const visible = buttons().flatMap((b, i) => (b.getClientRects().length > 0 ? [i] : []));
    const at = visible.indexOf(day);
    const next = { ArrowLeft: visible[at - 1], ArrowRight: visible[at + 1], Home: visible[0], End: visible.at(-1) }[event.key];
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
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

  // A service added after the history was loaded gets its bar on the next load.
  if (!history) return null;
  return (
    <div ref={root} className="relative mt-3" onKeyDown={onKeyDown} onBlur={onBlur} onPointerLeave={onPointerLeave}>
      <div
        ref={bar}
        role="group"
        aria-label={`${name}: status by day`}
        className="flex h-9 gap-px sm:h-8 sm:gap-0.5 *:min-w-0 *:flex-1 *:rounded-[2px] *:hover:opacity-75"
        onFocus={onFocus}
        onPointerOver={onPointerOver}
        onClick={onClick}
      >
        {days.map((day, i) => (
          <button
            key={day.date}
            type="button"
            data-day={i}
            tabIndex={i === active ? 0 : -1}
            aria-label={dayAriaLabel(day)}
            aria-expanded={selection.day === i}
            aria-controls={selection.day === i ? panelId : undefined}
            className={`${BAR[day.status]}${i < phoneFrom ? " max-sm:hidden" : ""}${selection.day === i ? " ring-2 ring-slate-900 ring-offset-1 dark:ring-white dark:ring-offset-slate-900" : ""}`}
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
          <span className="sm:hidden">{formatUptime(history.recentUptimePercent)} uptime</span>
          <span className="max-sm:hidden">{formatUptime(history.uptimePercent)} uptime</span>
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
