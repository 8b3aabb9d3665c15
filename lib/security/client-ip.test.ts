import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("ignores addresses a client prepends to X-Forwarded-For", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    expect(clientIp(headers)).toBe("203.0.113.7");
  });

  it("skips the configured number of trusted proxies", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.0.0.2" });
    expect(clientIp(headers, 1)).toBe("203.0.113.7");
  });

  it("falls back when there is no forwarding header", () => {
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.4" }))).toBe("192.0.2.4");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
