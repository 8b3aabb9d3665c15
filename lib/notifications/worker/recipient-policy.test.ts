import { describe, expect, it } from "vitest";
import { refusalReason, type RecipientState } from "./recipient-policy";

const sub = (over: Partial<NonNullable<RecipientState["subscription"]>> = {}): RecipientState => ({
  suppressed: false,
  subscription: { confirmed: true, unsubscribed: false, restorationEmails: true, claimEmails: true, ...over },
});

describe("refusalReason", () => {
  it("never sends to a suppressed address, not even a confirmation", () => {
    expect(refusalReason(null, false, { suppressed: true, subscription: null })).toMatch(/suppressed/);
    expect(refusalReason("claims", true, { ...sub(), suppressed: true })).toMatch(/suppressed/);
  });

  it("sends nothing but the confirmation to an unconfirmed address", () => {
    expect(refusalReason(null, false, sub({ confirmed: false }))).toBeNull();
    expect(refusalReason("incidents", false, sub({ confirmed: false }))).toMatch(/not confirmed/);
    expect(refusalReason("incidents", false, { suppressed: false, subscription: null })).toMatch(/not confirmed/);
    expect(refusalReason("incidents", false, sub())).toBeNull();
  });

  it("treats an account's own address as confirmed and honours its unsubscribe", () => {
    expect(refusalReason("incidents", true, { suppressed: false, subscription: null })).toBeNull();
    expect(refusalReason("incidents", true, sub({ confirmed: false }))).toBeNull();
    expect(refusalReason("incidents", true, sub({ unsubscribed: true }))).toMatch(/Unsubscribed/);
  });

  it("stops each personal list on its own switch", () => {
    expect(refusalReason("restoration", true, sub({ restorationEmails: false }))).toMatch(/restoration/);
    expect(refusalReason("claims", true, sub({ restorationEmails: false }))).toBeNull();
    expect(refusalReason("claims", true, sub({ claimEmails: false }))).toMatch(/claim/);
    expect(refusalReason("restoration", true, sub({ unsubscribed: true }))).toBeNull();
    expect(refusalReason("restoration", false, sub())).toMatch(/account/);
  });
});
