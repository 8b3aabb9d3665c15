import type { RestorationState } from "@/lib/generated/prisma/enums";

export const RESTORATION_STATES: readonly RestorationState[] = [
  "NOT_AFFECTED",
  "AFFECTED",
  "RECOVERED",
  "VALIDATED",
  "RESTORING",
  "RESTORED",
  "PARTIAL",
  "UNRECOVERABLE",
];

/**
 * Every allowed change of state, as data. The integrity gate lives here: the only ways into
 * RESTORING, RESTORED and PARTIAL start from VALIDATED (or from RESTORING, which itself required
 * VALIDATED). Staying in the same state is always allowed: it updates counts only.
 */
export const TRANSITIONS: Readonly<Record<RestorationState, readonly RestorationState[]>> = {
  NOT_AFFECTED: ["AFFECTED"],
  AFFECTED: ["RECOVERED", "UNRECOVERABLE", "NOT_AFFECTED"],
  RECOVERED: ["VALIDATED", "AFFECTED", "UNRECOVERABLE"],
  VALIDATED: ["RESTORING", "RESTORED", "PARTIAL", "RECOVERED"],
  RESTORING: ["RESTORED", "PARTIAL", "VALIDATED"],
  RESTORED: ["PARTIAL"],
  PARTIAL: ["RECOVERED"],
  UNRECOVERABLE: ["RECOVERED"],
};

/** States that can only be reached through VALIDATED (the integrity gate). */
export const GATED_STATES: readonly RestorationState[] = ["RESTORING", "RESTORED", "PARTIAL"];

/** Where a category's restoration ends: everything back, some of it, or nothing recoverable. */
export const SETTLED_STATES: readonly RestorationState[] = ["RESTORED", "PARTIAL", "UNRECOVERABLE"];

export const isSettled = (state: RestorationState | null): boolean => state !== null && SETTLED_STATES.includes(state);

/** A state list as SQL literals, for statements that must match the table above exactly. */
export const sqlStateList = (states: readonly RestorationState[]) => states.map((s) => `'${s}'`).join(", ");

export interface Counts {
  itemsLost: number;
  itemsRecovered: number;
  itemsRestored: number;
}

const COUNT_NAMES = ["itemsLost", "itemsRecovered", "itemsRestored"] as const;

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Whether a record may go from `from` (null: no record yet) to `to`, and why not. */
export function checkTransition(from: RestorationState | null, to: RestorationState): TransitionCheck {
  if (from === to) return { ok: true };
  if (from === null) {
    // A new record starts where the pipeline first sees it, but never past the gate.
    return GATED_STATES.includes(to)
      ? { ok: false, reason: `cannot start as ${to}: data must be VALIDATED before it is restored` }
      : { ok: true };
  }
  if (TRANSITIONS[from].includes(to)) return { ok: true };
  if (GATED_STATES.includes(to)) return { ok: false, reason: `cannot go from ${from} to ${to}: data must be VALIDATED before it is restored` };
  return { ok: false, reason: `cannot go from ${from} to ${to}; allowed from ${from}: ${TRANSITIONS[from].join(", ") || "none (final)"}` };
}

/** Counts that make sense for the state; returns the reason when they do not. */
export function checkCounts(state: RestorationState, c: Counts): TransitionCheck {
  for (const name of COUNT_NAMES) {
    const value = c[name];
    if (!Number.isInteger(value) || value < 0) return { ok: false, reason: `${name} must be a whole number ≥ 0` };
  }
  if (c.itemsRecovered > c.itemsLost) return { ok: false, reason: "items recovered cannot exceed items lost" };
  if (c.itemsRestored > c.itemsRecovered) return { ok: false, reason: "items restored cannot exceed items recovered" };
  if (state === "NOT_AFFECTED" && c.itemsLost > 0) return { ok: false, reason: "NOT_AFFECTED cannot have items lost" };
  if (state === "RESTORED" && c.itemsRestored !== c.itemsLost) return { ok: false, reason: "RESTORED needs items restored equal to items lost (use PARTIAL otherwise)" };
  if (state === "PARTIAL" && c.itemsRestored >= c.itemsLost) return { ok: false, reason: "PARTIAL needs fewer items restored than lost (use RESTORED otherwise)" };
  if (state === "UNRECOVERABLE" && c.itemsRestored > 0) return { ok: false, reason: "UNRECOVERABLE cannot have items restored" };
  if (!GATED_STATES.includes(state) && c.itemsRestored > 0) return { ok: false, reason: `${state} cannot have items restored yet` };
  return { ok: true };
}
