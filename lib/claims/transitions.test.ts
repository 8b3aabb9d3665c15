import { describe, expect, it } from "vitest";
import { ClaimStatus } from "@/lib/generated/prisma/enums";
import { applyTransition, canTransition, CLAIM_TRANSITIONS } from "./transitions";

describe("claim transitions", () => {
  it("allows exactly the table's moves", () => {
    const allowed = new Set(["SUBMITTED>APPROVED", "SUBMITTED>DENIED", "APPROVED>AWAITING_CODE", "APPROVED>FULFILLED", "AWAITING_CODE>FULFILLED"]);
    for (const from of Object.values(ClaimStatus)) {
      for (const to of Object.values(ClaimStatus)) expect(canTransition(from, to), `${from}>${to}`).toBe(allowed.has(`${from}>${to}`));
    }
    expect(CLAIM_TRANSITIONS.DENIED).toEqual([]);
    expect(CLAIM_TRANSITIONS.FULFILLED).toEqual([]);
  });

  it("applies a path and refuses a decided claim with a Conflict", () => {
    expect(applyTransition("SUBMITTED", "APPROVED", "FULFILLED")).toBe("FULFILLED");
    expect(applyTransition("SUBMITTED", "APPROVED", "AWAITING_CODE")).toBe("AWAITING_CODE");
    expect(() => applyTransition("DENIED", "APPROVED")).toThrow(/already denied/);
    expect(() => applyTransition("FULFILLED", "APPROVED")).toThrowError(expect.objectContaining({ code: "CONFLICT" }));
  });
});
