import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

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
