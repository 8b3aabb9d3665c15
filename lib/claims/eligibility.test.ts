import { describe, expect, it } from "vitest";
import { RestorationState } from "@/lib/generated/prisma/enums";
import { evaluateEligibility, QUALIFYING_STATES } from "./eligibility";

const rec = (categoryName: string, state: RestorationState) => ({ categoryName, state });

describe("evaluateEligibility", () => {
  it("ANY_AFFECTED: every state but NOT_AFFECTED qualifies, with a reason per category", () => {
    for (const state of Object.values(RestorationState)) {
      const result = evaluateEligibility("ANY_AFFECTED", [rec("Notes", state)]);
      expect(result.eligible, state).toBe(state !== "NOT_AFFECTED");
    }
    expect(evaluateEligibility("ANY_AFFECTED", [rec("Photos", "UNRECOVERABLE"), rec("Contacts", "RESTORED"), rec("Notes", "NOT_AFFECTED")])).toEqual({
      eligible: true,
      reasons: ["your photos could not be recovered", "your contacts were affected by the incident"],
    });
  });

  it("ANY_UNRECOVERABLE_OR_PARTIAL: only data lost for good qualifies", () => {
    for (const state of Object.values(RestorationState)) {
      expect(evaluateEligibility("ANY_UNRECOVERABLE_OR_PARTIAL", [rec("Notes", state)]).eligible, state).toBe(state === "PARTIAL" || state === "UNRECOVERABLE");
    }
    expect(evaluateEligibility("ANY_UNRECOVERABLE_OR_PARTIAL", [rec("Photos", "UNRECOVERABLE"), rec("Calendar", "PARTIAL")]).reasons).toEqual([
      "your photos could not be recovered",
      "only part of your calendar could be recovered",
    ]);
  });

  it("says in plain words why someone does not qualify", () => {
    expect(evaluateEligibility("ANY_AFFECTED", [])).toEqual({ eligible: false, reasons: ["none of your data was affected by this incident"] });
    expect(evaluateEligibility("ANY_AFFECTED", [rec("Notes", "NOT_AFFECTED")]).reasons[0]).toMatch(/none of your data was affected/);
    expect(evaluateEligibility("ANY_UNRECOVERABLE_OR_PARTIAL", [rec("Notes", "RESTORED")]).reasons[0]).toMatch(/has been recovered/);
    expect(evaluateEligibility("ANY_UNRECOVERABLE_OR_PARTIAL", [rec("Notes", "RESTORED"), rec("Photos", "VALIDATED")]).reasons[0]).toMatch(/opens to you if some of it turns out to be lost/);
  });

  it("keeps the SQL state lists and the pure rule in agreement", () => {
    expect(QUALIFYING_STATES.ANY_AFFECTED).not.toContain("NOT_AFFECTED");
    expect([...QUALIFYING_STATES.ANY_UNRECOVERABLE_OR_PARTIAL].sort()).toEqual(["PARTIAL", "UNRECOVERABLE"]);
  });
});
