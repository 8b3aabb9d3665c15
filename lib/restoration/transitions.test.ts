import { describe, expect, it } from "vitest";
import type { RestorationState } from "@/lib/generated/prisma/enums";
import { checkCounts, checkTransition, RESTORATION_STATES, TRANSITIONS } from "./transitions";

const GATED: RestorationState[] = ["RESTORING", "RESTORED", "PARTIAL"];

/** Every state reachable from `start` without ever passing through VALIDATED. */
function reachableAvoidingValidated(start: RestorationState): Set<RestorationState> {
  const seen = new Set<RestorationState>([start]);
  const queue = [start];
  while (queue.length) {
    const state = queue.shift()!;
    for (const next of TRANSITIONS[state]) {
      if (next === "VALIDATED" || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

describe("restoration transitions", () => {
  it("walks every pair of states: the table decides, and refusals give a reason", () => {
    for (const from of RESTORATION_STATES) {
      for (const to of RESTORATION_STATES) {
        const result = checkTransition(from, to);
        const expected = from === to || TRANSITIONS[from].includes(to);
        expect(result.ok, `${from} → ${to}`).toBe(expected);
        if (!result.ok) expect(result.reason).toContain(to);
      }
    }
  });

  it("never lets data be restored without passing validation", () => {
    for (const start of ["NOT_AFFECTED", "AFFECTED", "RECOVERED", "UNRECOVERABLE"] as RestorationState[]) {
      const reachable = reachableAvoidingValidated(start);
      for (const gated of GATED) expect(reachable.has(gated), `${start} reaches ${gated} without VALIDATED`).toBe(false);
    }
    for (const gated of GATED) {
      expect(checkTransition("AFFECTED", gated)).toMatchObject({ ok: false, reason: expect.stringContaining("VALIDATED") });
      expect(checkTransition(null, gated).ok).toBe(false);
    }
  });

  it("lets a new record start in any state before the gate", () => {
    for (const state of ["NOT_AFFECTED", "AFFECTED", "RECOVERED", "VALIDATED", "UNRECOVERABLE"] as RestorationState[]) {
      expect(checkTransition(null, state).ok).toBe(true);
    }
  });

  it("follows the reference path and its side exits", () => {
    const path: RestorationState[] = ["AFFECTED", "RECOVERED", "VALIDATED", "RESTORING", "RESTORED"];
    for (let i = 1; i < path.length; i++) expect(checkTransition(path[i - 1]!, path[i]!).ok).toBe(true);
    expect(checkTransition("RESTORING", "PARTIAL").ok).toBe(true);
    expect(checkTransition("AFFECTED", "UNRECOVERABLE").ok).toBe(true);
    expect(checkTransition("UNRECOVERABLE", "RECOVERED").ok).toBe(true);
    expect(checkTransition("RESTORED", "AFFECTED").ok).toBe(false);
  });
});

describe("restoration counts", () => {
  const ok = (state: RestorationState, lost: number, recovered: number, restored: number) =>
    checkCounts(state, { itemsLost: lost, itemsRecovered: recovered, itemsRestored: restored }).ok;

  it("accepts consistent counts", () => {
    expect(ok("AFFECTED", 315, 0, 0)).toBe(true);
    expect(ok("RESTORING", 315, 315, 100)).toBe(true);
    expect(ok("RESTORED", 315, 315, 315)).toBe(true);
    expect(ok("PARTIAL", 315, 300, 300)).toBe(true);
    expect(ok("NOT_AFFECTED", 0, 0, 0)).toBe(true);
  });

  it("rejects negative, fractional and inconsistent counts", () => {
    expect(ok("AFFECTED", -1, 0, 0)).toBe(false);
    expect(ok("AFFECTED", 1.5, 0, 0)).toBe(false);
    expect(ok("RECOVERED", 10, 11, 0)).toBe(false);
    expect(ok("RESTORING", 10, 5, 6)).toBe(false);
    expect(ok("RESTORED", 10, 10, 9)).toBe(false);
    expect(ok("PARTIAL", 10, 10, 10)).toBe(false);
    expect(ok("VALIDATED", 10, 10, 1)).toBe(false);
    expect(ok("NOT_AFFECTED", 3, 0, 0)).toBe(false);
  });
});
