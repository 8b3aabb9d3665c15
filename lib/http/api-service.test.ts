import { describe, expect, it } from "vitest";
import { createApiService } from "./api-service";

const app = createApiService({ production: true });
const claim = (body: string, headers: Record<string, string> = {}) =>
  app.request("/api/claims", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("the API service", () => {
  it("answers the claims endpoint with the claim handler: no session is 401 JSON, private, with the security headers", async () => {
    const response = await claim("{}");
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses a cross-site post before anything else", async () => {
    const response = await claim("{}", { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
  });

  it("refuses a body far larger than a claim form with 413, without reading it all", async () => {
    const response = await claim(JSON.stringify({ padding: "x".repeat(100_000) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
  });

  it("answers \"My recovery\" data with its handler: no session is 401", async () => {
    const response = await app.request("/api/me/recovery");
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("says which method each endpoint takes, and 404 for anything else", async () => {
    const get = await app.request("/api/claims");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const post = await app.request("/api/me/recovery", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const other = await app.request("/api/v1/status");
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
