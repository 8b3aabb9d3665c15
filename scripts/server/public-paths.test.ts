import { describe, expect, it } from "vitest";
import { isPublicDocumentRequest } from "./public-paths";

describe("which requests the micro-cache may answer", () => {
  it.each(["/", "/incidents/subscriber-data-loss", "/history", "/history/3", "/feed.atom", "/feed.rss", "/api/v1/status", "/api/v1/incidents?page=2", "/api/v1/incidents/x"])("%s", (url) => {
    expect(isPublicDocumentRequest("GET", url, {})).toBe(true);
  });

  it.each(["/me", "/admin", "/signin", "/api/auth/session", "/api/forum/incidents/x/viewer", "/incidents/x/edit", "/api/v1/restoration/batches", "/claims"])("never %s", (url) => {
    expect(isPublicDocumentRequest("GET", url, {})).toBe(false);
  });

  it("leaves client-side navigation payloads and writes to Next.js", () => {
    expect(isPublicDocumentRequest("GET", "/", { rsc: "1" })).toBe(false);
    expect(isPublicDocumentRequest("GET", "/?_rsc=abc", {})).toBe(false);
    expect(isPublicDocumentRequest("POST", "/", {})).toBe(false);
    expect(isPublicDocumentRequest("HEAD", "/", {})).toBe(true);
  });
});
