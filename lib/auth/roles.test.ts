import { describe, expect, it } from "vitest";
import { isAdmin, isStaff } from "./roles";

describe("roles", () => {
  it("lets support and admins into staff areas, not subscribers or strangers", () => {
    expect(isStaff("SUPPORT")).toBe(true);
    expect(isStaff("ADMIN")).toBe(true);
    expect(isStaff("SUBSCRIBER")).toBe(false);
    expect(isStaff(undefined)).toBe(false);
    expect(isStaff(null)).toBe(false);
  });

  it("keeps admin-only actions to admins", () => {
    expect(isAdmin("ADMIN")).toBe(true);
    expect(isAdmin("SUPPORT")).toBe(false);
    expect(isAdmin("SUBSCRIBER")).toBe(false);
  });
});
