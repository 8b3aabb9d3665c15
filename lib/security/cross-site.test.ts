import { describe, expect, it } from "vitest";
import { isCrossSite } from "./cross-site";

const req = (headers: Record<string, string>) => new Request("https://status.example/api/claims", { method: "POST", headers });

describe("isCrossSite", () => {
  it("lets same-site requests and scripted clients through", () => {
    expect(isCrossSite(req({ "sec-fetch-site": "same-origin", host: "status.example" }))).toBe(false);
    expect(isCrossSite(req({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSite(req({ host: "status.example" }))).toBe(false);
    expect(isCrossSite(req({ origin: "https://status.example", host: "status.example" }))).toBe(false);
  });

  it("refuses what another site makes a browser send", () => {
    expect(isCrossSite(req({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(req({ "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSite(req({ origin: "https://evil.example", host: "status.example" }))).toBe(true);
    expect(isCrossSite(req({ origin: "not a url", host: "status.example" }))).toBe(true);
  });
});
