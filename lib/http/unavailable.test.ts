import { afterEach, describe, expect, it } from "vitest";
import { unavailableResponse } from "./unavailable";

const request = (path: string, accept = "text/html,application/xhtml+xml") => new Request(`http://localhost${path}`, { headers: { accept } });

describe("unavailableResponse", () => {
  afterEach(() => {
    delete process.env.STATUS_MIRROR_URL;
  });

  it("answers a page request with a plain 503 page that asks for a retry and points to the status page and its mirror", async () => {
    process.env.STATUS_MIRROR_URL = "https://mirror.example/?a=1&b=2";
    const response = unavailableResponse(request("/claims"));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>We can&#39;t reach your account details right now.</h1>");
    expect(html).toContain("Nothing is lost; try again in a few minutes.");
    expect(html).toContain('<a href="/">');
    expect(html).toContain('<a href="https://mirror.example/?a=1&#38;b=2">mirror</a>');
    expect(html).not.toContain("<script");
  });

  it("leaves the mirror out when none is configured", async () => {
    const html = await unavailableResponse(request("/admin")).text();
    expect(html).toContain('<a href="/">');
    expect(html).not.toContain("mirror");
  });

  it("answers API paths and JSON clients in JSON, with the same words", async () => {
    for (const response of [unavailableResponse(request("/api/me/recovery")), unavailableResponse(request("/claims", "application/json"))]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: "We can't reach your account details right now. Nothing is lost; try again in a few minutes." } });
    }
  });
});
