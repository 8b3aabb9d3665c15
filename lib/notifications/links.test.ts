import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.stubEnv("DATABASE_URL", "postgresql://unused@127.0.0.1/none");
vi.stubEnv("NEXTAUTH_URL", "https://status.example.com");
vi.stubEnv("NEXTAUTH_SECRET", "links-test-secret-links-test-secret-0001");
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
    const [kid, issued, encoded, sig] = token.split(".") as [string, string, string, string];
    const flipped = `${kid}.${issued}.${encoded}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(verifyEmailToken("preferences", flipped)).toBeNull();
    const other = Buffer.from("eve@example.com").toString("base64url");
    expect(verifyEmailToken("preferences", `${kid}.${issued}.${other}.${sig}`)).toBeNull();
    // Another address's own valid signature does not open this one's.
    const otherSig = signEmailToken("preferences", "eve@example.com").split(".")[3];
    expect(verifyEmailToken("preferences", `${kid}.${issued}.${encoded}.${otherSig}`)).toBeNull();
  });

  it("still opens links from emails sent before tokens had key ids, for their own purpose only", () => {
    const earlier = (purpose: string, email: string) =>
      `${Buffer.from(email).toString("base64url")}.${createHmac("sha256", "links-test-secret-links-test-secret-0001").update(`aftercare-email-link:${purpose}:${email}`).digest("base64url").slice(0, 32)}`;
    expect(verifyEmailToken("preferences", earlier("preferences", "ada@example.com"))).toBe("ada@example.com");
    expect(verifyEmailToken("confirm", earlier("confirm", "ada@example.com"))).toBe("ada@example.com");
    expect(verifyEmailToken("confirm", earlier("preferences", "ada@example.com"))).toBeNull();
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
    vi.useFakeTimers({ now: new Date("2026-11-20T10:00:00Z") });
    const token = signEmailToken("preferences", "ada@example.com");
    expect(preferencesUrl("ada@example.com")).toBe(`https://status.example.com/preferences/${token}`);
    const oneClick = oneClickUnsubscribeUrl("ada@example.com", "claims");
    expect(oneClick).toBe(`https://status.example.com/api/email/unsubscribe?list=claims&token=${token}`);
    expect(unsubscribeHeaders("ada@example.com", "claims")).toEqual({ "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(messageLinks("ada@example.com", "claims")).toEqual({ preferences: preferencesUrl("ada@example.com"), unsubscribe: oneClick, headers: unsubscribeHeaders("ada@example.com", "claims") });
    vi.useRealTimers();
  });
});
