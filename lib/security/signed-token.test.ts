import { describe, expect, it } from "vitest";
import { createTokenSigner } from "./signed-token";

const OLD = "old-secret-old-secret-old-secret-0001";
const NEW = "new-secret-new-secret-new-secret-0002";
const DAY = 86_400_000;
const NOW = Date.parse("2026-11-20T10:00:00Z");

describe("signed tokens", () => {
  const signer = createTokenSigner({ secret: NEW, graceDays: 30 });

  it("round-trip a payload with its issue time", () => {
    const token = signer.sign("email-preferences", "ada@example.com", NOW);
    expect(signer.verify("email-preferences", token, { now: NOW + 1000 })).toEqual({ payload: "ada@example.com", issuedAt: new Date(NOW) });
  });

  it("refuse a token of one purpose for every other purpose", () => {
    const purposes = ["email-preferences", "email-confirm", "forum-cursor"] as const;
    for (const made of purposes) {
      const token = signer.sign(made, "ada@example.com", NOW);
      for (const used of purposes) expect(signer.verify(used, token, { now: NOW }) !== null).toBe(made === used);
    }
  });

  it("refuse tampered, re-dated and malformed tokens", () => {
    const token = signer.sign("email-confirm", "ada@example.com", NOW);
    const [kid, issued, payload, mac] = token.split(".") as [string, string, string, string];
    const variants = [
      `${kid}.${issued}.${Buffer.from("eve@example.com").toString("base64url")}.${mac}`,
      `${kid}.${(parseInt(issued, 36) + 1).toString(36)}.${payload}.${mac}`,
      `${kid}.${issued}.${payload}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      `AAAAAAAA.${issued}.${payload}.${mac}`,
      `${token}.x`,
      token.slice(1),
      "",
      "a".repeat(2_000),
    ];
    for (const variant of variants) expect(signer.verify("email-confirm", variant, { now: NOW })).toBeNull();
  });

  it("honour a maximum age and refuse tokens from the future", () => {
    const token = signer.sign("forum-cursor", "{}", NOW);
    expect(signer.verify("forum-cursor", token, { maxAgeSeconds: 3600, now: NOW + 3_599_000 })).not.toBeNull();
    expect(signer.verify("forum-cursor", token, { maxAgeSeconds: 3600, now: NOW + 3_601_000 })).toBeNull();
    expect(signer.verify("forum-cursor", token, { now: NOW - 10 * 60_000 })).toBeNull();
  });

  it("after a rotation, accept the previous secret's tokens during the grace period and not after", () => {
    const before = createTokenSigner({ secret: OLD, graceDays: 30 });
    const sentTenDaysBeforeRotation = before.sign("email-preferences", "ada@example.com", NOW - 10 * DAY);
    const sentFortyDaysBeforeRotation = before.sign("email-preferences", "bob@example.com", NOW - 40 * DAY);
    const after = createTokenSigner({ secret: NEW, previousSecret: OLD, graceDays: 30 });

    expect(after.verify("email-preferences", sentTenDaysBeforeRotation, { now: NOW })?.payload).toBe("ada@example.com");
    expect(after.verify("email-preferences", sentTenDaysBeforeRotation, { now: NOW + 19 * DAY })?.payload).toBe("ada@example.com");
    expect(after.verify("email-preferences", sentTenDaysBeforeRotation, { now: NOW + 21 * DAY })).toBeNull();
    expect(after.verify("email-preferences", sentFortyDaysBeforeRotation, { now: NOW })).toBeNull();
    // Still one key per purpose under the previous secret.
    expect(after.verify("email-confirm", sentTenDaysBeforeRotation, { now: NOW })).toBeNull();
    // New tokens are signed with the new secret and have no grace limit.
    const fresh = after.sign("email-preferences", "ada@example.com", NOW);
    expect(fresh.split(".")[0]).not.toBe(sentTenDaysBeforeRotation.split(".")[0]);
    expect(after.verify("email-preferences", fresh, { now: NOW + 400 * DAY })?.payload).toBe("ada@example.com");
    // Once the previous secret is removed, its tokens verify nowhere.
    expect(signer.verify("email-preferences", sentTenDaysBeforeRotation, { now: NOW })).toBeNull();
  });
});
