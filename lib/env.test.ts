import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/aftercare" };

describe("parseEnv", () => {
  it("fills development defaults", () => {
    const env = parseEnv({ ...base, NODE_ENV: "development" });
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.MAIL_FROM_SIGNIN).not.toBe(env.MAIL_FROM_NOTIFY);
  });

  it("names a missing DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ ...base, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql/);
  });

  it("requires a secret and real SMTP in production", () => {
    let error: unknown;
    try {
      parseEnv({ ...base, NODE_ENV: "production" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect(String(error)).toMatch(/NEXTAUTH_SECRET: is required in production/);
    expect(String(error)).toMatch(/SMTP_URL: is required in production/);
    expect(String(error)).toMatch(/GIFT_CODE_KEY: is required in production/);
  });

  it("takes a gift-code key only as 32 base64 bytes, and lets next build prerender without secrets", () => {
    expect(() => parseEnv({ ...base, GIFT_CODE_KEY: "short" })).toThrow(/GIFT_CODE_KEY: must be 32 random bytes/);
    expect(parseEnv({ ...base, GIFT_CODE_KEY: Buffer.alloc(32, 1).toString("base64") }).GIFT_CODE_KEY).toHaveLength(44);
    expect(() => parseEnv({ ...base, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ ...base, SMTP_URL: "", NODE_ENV: "development" });
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("validates proxy trust and the previous secret, naming the variable", () => {
    expect(parseEnv({ ...base, TRUSTED_PROXIES: "127.0.0.1, ::1,10.0.0.0/8", TRUSTED_PROXY_HOPS: "1" })).toMatchObject({ TRUSTED_PROXIES: "127.0.0.1, ::1,10.0.0.0/8", TRUSTED_PROXY_HOPS: 1 });
    expect(parseEnv(base).TRUSTED_PROXY_HOPS).toBeUndefined();
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "127.0.0.1,nginx" })).toThrow(/TRUSTED_PROXIES: must be IP addresses or CIDR ranges/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    const secret = "s".repeat(40);
    expect(() => parseEnv({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_SECRET_PREVIOUS: secret, SMTP_URL: "smtp://x", GIFT_CODE_KEY: Buffer.alloc(32, 1).toString("base64") })).toThrow(
      /NEXTAUTH_SECRET_PREVIOUS: must differ/,
    );
    expect(() => parseEnv({ ...base, NEXTAUTH_SECRET_PREVIOUS: "short" })).toThrow(/NEXTAUTH_SECRET_PREVIOUS: must be at least 32/);
  });
});
