import { describe, expect, it } from "vitest";
import { automaticOfferNote, extraCompensationLine, type OfferForLines } from "./compensation-lines";

const extra: OfferForLines = {
  title: "Extra $25 gift card for data we could not recover", mode: "CLAIM", eligibilityRule: "ANY_UNRECOVERABLE_OR_PARTIAL",
  window: "OPEN", opensAt: new Date("2026-11-20T09:00:00Z"), grantedAt: null, claimed: false,
};
const month: OfferForLines = { ...extra, title: "One month of service, free", mode: "AUTOMATIC", eligibilityRule: "ANY_AFFECTED" };

describe("extra compensation for lost data", () => {
  it("is not promised when no offer covers lost data", () => {
    expect(extraCompensationLine("UNRECOVERABLE", [])).toBeNull();
    expect(extraCompensationLine("PARTIAL", [month])).toBeNull();
    expect(extraCompensationLine("UNRECOVERABLE", [{ ...extra, window: "CLOSED" }])).toBeNull();
  });

  it("only follows a category lost in part or in full", () => {
    for (const state of ["AFFECTED", "RESTORED", "RESTORING", "NOT_AFFECTED"] as const) expect(extraCompensationLine(state, [extra])).toBeNull();
  });

  it("names the offer and links to claim it", () => {
    expect(extraCompensationLine("UNRECOVERABLE", [month, extra])).toEqual({
      text: "You can claim “Extra $25 gift card for data we could not recover”.",
      link: { href: "/claims", label: "Claim it" },
    });
    expect(extraCompensationLine("PARTIAL", [{ ...extra, window: "NOT_OPEN", opensAt: "2026-12-24T10:00:00Z" }])?.text).toBe(
      "You can claim “Extra $25 gift card for data we could not recover” from Dec 24, 2026.",
    );
    // One claim per incident: an offer left out of it can no longer be claimed, so it is not offered.
    expect(extraCompensationLine("PARTIAL", [extra], { claimFiled: true })).toBeNull();
    expect(extraCompensationLine("PARTIAL", [{ ...extra, claimed: true }], { claimFiled: true })).toEqual({
      text: "You have claimed “Extra $25 gift card for data we could not recover”.",
      link: { href: "/claims", label: "See your claim" },
    });
  });

  it("says an automatic one was applied on the grant's date, or when it will be", () => {
    const auto = { ...extra, mode: "AUTOMATIC" as const, title: "Three months free" };
    expect(extraCompensationLine("UNRECOVERABLE", [{ ...auto, grantedAt: "2026-12-01T23:30:00Z" }])).toEqual({
      text: "“Three months free” was applied to your account on Dec 1, 2026.",
      link: null,
    });
    expect(extraCompensationLine("UNRECOVERABLE", [{ ...auto, window: "NOT_OPEN", opensAt: new Date("2027-01-05T00:00:00Z") }])?.text).toBe(
      "“Three months free” will be applied to your account on Jan 5, 2027, with no action needed.",
    );
  });
});

describe("automatic offer notes", () => {
  it("never says applied before a grant exists", () => {
    expect(automaticOfferNote({ ...month, grantedAt: new Date("2026-12-02T08:00:00Z") })).toBe("Applied to your account on Dec 2, 2026, nothing to do.");
    expect(automaticOfferNote({ ...month, window: "NOT_OPEN", opensAt: "2026-12-24T10:00:00Z" })).toBe(
      "It will be applied to your account on Dec 24, 2026, when the offer opens. No action needed.",
    );
    expect(automaticOfferNote(month)).not.toMatch(/^Applied/);
  });
});
