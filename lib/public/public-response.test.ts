import { describe, expect, it } from "vitest";
import { publicResponse } from "./public-response";

const get = (headers: Record<string, string> = {}) => new Request("https://status.example/api/v1/status", { headers });

describe("publicResponse", () => {
  it("sends the body with a strong validator and CDN-friendly caching", async () => {
    const response = publicResponse(get(), '{"a":1}', "application/json");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("cache-control")).toContain("s-maxage=5");
    expect(response.headers.get("cache-control")).toContain("stale-while-revalidate");
  });

  it("answers 304 with no body when the validator matches, also in a list or weak form", async () => {
    const etag = publicResponse(get(), "x", "text/plain").headers.get("etag")!;
    for (const header of [etag, `"other", ${etag}`, `W/${etag}`, "*"]) {
      const response = publicResponse(get({ "if-none-match": header }), "x", "text/plain");
      expect(response.status).toBe(304);
      expect(await response.text()).toBe("");
    }
  });

  it("sends the new body when the content changed", () => {
    const etag = publicResponse(get(), "old", "text/plain").headers.get("etag")!;
    expect(publicResponse(get({ "if-none-match": etag }), "new", "text/plain").status).toBe(200);
  });
});
