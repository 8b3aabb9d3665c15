import { describe, expect, it, vi } from "vitest";

vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
vi.stubEnv("NEXTAUTH_URL", "https://status.example.com");
const { messageLinks, oneClickUnsubscribeUrl, preferencesUrl, signEmailToken, unsubscribeHeaders, verifyEmailToken } = await import("./links");

describe("signed email links", () => {
  it("round-trips an address, lowercased", () => {
    expect(verifyEmailToken("preferences", signEmailToken("preferences", "Ada@Example.com"))).toBe("ada@example.com");
    expect(verifyEmailToken("confirm", signEmailToken("confirm", "ada@example.com"))).toBe("ada@example.com");
  });

  it("refuses a token signed for the other purpose", () => {
    expect(verifyEmailToken("confirm", signEmailToken("preferences", "ada@example.com"))).toBeNull();
    expect(verifyEmailToken("preferences", signEmailToken("confirm", "ada@example.com"))).toBeNull();
  });

  it("refuses a tampered signature or a swapped-in address", () => {
    const token = signEmailToken("preferences", "ada@example.com");
    const [encoded, sig] = token.split(".") as [string, string];
    const flipped = `${encoded}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(verifyEmailToken("preferences", flipped)).toBeNull();
    const other = Buffer.from("eve@example.com").toString("base64url");
    expect(verifyEmailToken("preferences", `${other}.${sig}`)).toBeNull();
    // Another address's own valid signature does not open this one's.
    const [, otherSig] = signEmailToken("preferences", "eve@example.com").split(".");
    expect(verifyEmailToken("preferences", `${encoded}.${otherSig}`)).toBeNull();
  });

  it("refuses truncated, padded, empty and malformed tokens", () => {
    const token = signEmailToken("preferences", "ada@example.com");
    expect(verifyEmailToken("preferences", token.slice(0, -1))).toBeNull();
    expect(verifyEmailToken("preferences", token.slice(0, token.indexOf(".")))).toBeNull();
    expect(verifyEmailToken("preferences", `${token}.extra`)).toBeNull();
    expect(verifyEmailToken("preferences", `${token}x`)).toBeNull();
    expect(verifyEmailToken("preferences", "")).toBeNull();
    expect(verifyEmailToken("preferences", null)).toBeNull();
    expect(verifyEmailToken("preferences", "x".repeat(700))).toBeNull();
    // Base64url without an @ is never an address, however it is signed.
    expect(verifyEmailToken("preferences", `${Buffer.from("not-an-address").toString("base64url")}.${"A".repeat(32)}`)).toBeNull();
  });

  it("builds absolute https links and the RFC 8058 headers from the same token", () => {
    const token = signEmailToken("preferences", "ada@example.com");
    expect(preferencesUrl("ada@example.com")).toBe(`https://status.example.com/preferences/${token}`);
    const oneClick = oneClickUnsubscribeUrl("ada@example.com", "claims");
    expect(oneClick).toBe(`https://status.example.com/api/email/unsubscribe?list=claims&token=${token}`);
    expect(unsubscribeHeaders("ada@example.com", "claims")).toEqual({ "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(messageLinks("ada@example.com", "claims")).toEqual({ preferences: preferencesUrl("ada@example.com"), unsubscribe: oneClick, headers: unsubscribeHeaders("ada@example.com", "claims") });
  });
});
