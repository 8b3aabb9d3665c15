import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
}

describe("contentSecurityPolicy", () => {
  it("locks down plugins, base URLs, framing and form targets on every kind of document", () => {
    for (const policy of [contentSecurityPolicy(), contentSecurityPolicy({ nonce: "abc" }), contentSecurityPolicy({ dev: true })]) {
      expect(directives(policy)).toMatchObject({
        "default-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
        "script-src-attr": "'none'",
        "connect-src": "'self'",
      });
    }
  });

  it("runs only nonced scripts, and what they load, on a page rendered per request", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n0nce+/=" }));
    expect(d["script-src"]).toBe("'self' 'nonce-n0nce+/=' 'strict-dynamic'");
    expect(d["style-src-elem"]).toBe("'self' 'nonce-n0nce+/='");
  });

  it("keeps inline scripts on prerendered pages, which cannot carry a nonce, but no eval", () => {
    const d = directives(contentSecurityPolicy());
    expect(d["script-src"]).toBe("'self' 'unsafe-inline'");
    expect(d["style-src-elem"]).toBe("'self'");
    expect(d["style-src-attr"]).toBe("'unsafe-inline'");
  });

  it("allows eval and inline styles only under next dev", () => {
    expect(directives(contentSecurityPolicy({ nonce: "x", dev: true }))["script-src"]).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ dev: true }))["style-src-elem"]).toBe("'self' 'unsafe-inline'");
    expect(contentSecurityPolicy({ nonce: "x" })).not.toContain("unsafe-eval");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
