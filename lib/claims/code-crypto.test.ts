import { describe, expect, it, vi } from "vitest";

vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
const { decryptCode, encryptCode, hashCode, lastFour } = await import("./code-crypto");

describe("gift-card code storage", () => {
  it("round-trips a code and never stores it in clear", () => {
    const stored = encryptCode("  GIFT-1234-ABCD ");
    expect(stored).not.toContain("GIFT");
    expect(decryptCode(stored)).toBe("GIFT-1234-ABCD");
    expect(encryptCode("GIFT-1234-ABCD")).not.toBe(stored); // a fresh IV each time
  });

  it("hashes the same code the same way, and different codes differently", () => {
    expect(hashCode("GIFT-1234-ABCD")).toBe(hashCode(" GIFT-1234-ABCD"));
    expect(hashCode("GIFT-1234-ABCD")).not.toBe(hashCode("GIFT-1234-ABCE"));
    expect(lastFour("GIFT-1234-ABCD")).toBe("ABCD");
  });

  it("refuses a tampered ciphertext", () => {
    const [v, iv, tag, body] = encryptCode("GIFT-1234-ABCD").split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptCode([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });
});
