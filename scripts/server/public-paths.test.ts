import { describe, expect, it } from "vitest";
import { isPublicDocumentRequest, signInRedirect } from "./public-paths";

describe("which requests the micro-cache may answer", () => {
  it.each(["/", "/me", "/incidents/subscriber-data-loss", "/history", "/history/3", "/feed.atom", "/feed.rss", "/api/v1/status", "/api/v1/incidents?page=2", "/api/v1/incidents/x"])("%s", (url) => {
    expect(isPublicDocumentRequest("GET", url, {})).toBe(true);
  });

  it.each(["/me/x", "/api/me/recovery", "/admin", "/signin", "/api/auth/session", "/api/forum/incidents/x/viewer", "/incidents/x/edit", "/api/v1/restoration/batches", "/claims"])("never %s", (url) => {
    expect(isPublicDocumentRequest("GET", url, {})).toBe(false);
  });

  it("leaves client-side navigation payloads and writes to Next.js", () => {
    expect(isPublicDocumentRequest("GET", "/", { rsc: "1" })).toBe(false);
    expect(isPublicDocumentRequest("GET", "/?_rsc=abc", {})).toBe(false);
    expect(isPublicDocumentRequest("POST", "/", {})).toBe(false);
    expect(isPublicDocumentRequest("HEAD", "/", {})).toBe(true);
  });
});

describe("signed-in shells", () => {
  it("send a visitor without a session cookie to sign in, coming back to the same address", () => {
    expect(signInRedirect("/me", undefined)).toBe("/signin?callbackUrl=%2Fme");
    expect(signInRedirect("/me?from=email", "theme=dark")).toBe("/signin?callbackUrl=%2Fme%3Ffrom%3Demail");
  });

  it("let a session cookie through, under either of next-auth's names", () => {
    expect(signInRedirect("/me", "next-auth.session-token=abc")).toBeNull();
    expect(signInRedirect("/me", "a=1; __Secure-next-auth.session-token=abc")).toBeNull();
  });

  it("leave every other page alone", () => {
    expect(signInRedirect("/", undefined)).toBeNull();
    expect(signInRedirect("/incidents/x", undefined)).toBeNull();
  });
});
