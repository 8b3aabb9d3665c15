import { serve } from "@hono/node-server";
import http from "node:http";
import type { AddressInfo } from "node:net";
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

  it("judges a body by its Content-Length when it has one, and refuses one over the limit without waiting for it", async () => {
    const declared = await claim("{}", { "content-length": String(65 * 1024) });
    expect(declared.status).toBe(413);
    const small = await claim("{}", { "content-length": "2" });
    expect(small.status).toBe(401);
  });

  it("over a real socket: a large body is refused whether sent with a length or chunked, and a small one reaches the handler either way", async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    const post = (body: string, chunked: boolean) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const headers: Record<string, string> = { "content-type": "application/json", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(Buffer.byteLength(body)) }) };
        const request = http.request({ host: "127.0.0.1", port, path: "/api/claims", method: "POST", headers }, (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        request.on("error", reject);
        if (chunked) for (let i = 0; i < body.length; i += 8192) request.write(body.slice(i, i + 8192));
        else request.write(body);
        request.end();
      });
    try {
      const large = JSON.stringify({ padding: "x".repeat(100_000) });
      for (const chunked of [false, true]) {
        const refused = await post(large, chunked);
        expect(refused.status).toBe(413);
        expect(refused.body).toMatch(/too large/);
        const small = await post("{}", chunked);
        expect(small.status).toBe(401);
      }
    } finally {
      server.close();
    }
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
