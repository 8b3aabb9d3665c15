import { describe, expect, it } from "vitest";
import { homePathFor, LANDING_PATH, safeCallbackUrl, signInDestination } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/admin?tab=claims")).toBe("/admin?tab=claims");
  });

  it("refuses other sites and protocol-relative tricks", () => {
    expect(safeCallbackUrl("https://evil.example/")).toBe("/me");
    expect(safeCallbackUrl("//evil.example")).toBe("/me");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/me");
    expect(safeCallbackUrl(undefined)).toBe("/me");
  });
});

describe("signInDestination", () => {
  it("sends a sign-in with no destination, or the generic /me, to the role-based landing", () => {
    expect(signInDestination(undefined)).toBe(LANDING_PATH);
    expect(signInDestination("")).toBe(LANDING_PATH);
    expect(signInDestination("/me")).toBe(LANDING_PATH);
    expect(signInDestination("https://evil.example/")).toBe(LANDING_PATH);
  });

  it("keeps a deep link where the person was going", () => {
    expect(signInDestination("/admin/claims")).toBe("/admin/claims");
    expect(signInDestination("/me?from=email")).toBe("/me?from=email");
    expect(signInDestination("/claims")).toBe("/claims");
  });
});

describe("homePathFor", () => {
  it("lands staff on the staff overview and subscribers on their recovery", () => {
    expect(homePathFor("SUPPORT")).toBe("/admin");
    expect(homePathFor("ADMIN")).toBe("/admin");
    expect(homePathFor("SUBSCRIBER")).toBe("/me");
  });
});
