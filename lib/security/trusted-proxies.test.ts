import { describe, expect, it } from "vitest";
import { isAddressOrRange, parseTrustedProxies, resolveClientAddress } from "./trusted-proxies";

const resolve = (peer: string, forwardedFor: string | undefined, trust: Parameters<typeof resolveClientAddress>[0]["trust"] = {}) =>
  resolveClientAddress({ peer, forwardedFor, trust });

describe("resolveClientAddress", () => {
  it("with no proxy configured, is the socket's peer whatever the client forwards", () => {
    expect(resolve("198.51.100.7", "6.6.6.6")).toEqual({ address: "198.51.100.7", peerTrusted: false });
    expect(resolve("198.51.100.7", "6.6.6.6, 7.7.7.7")).toEqual({ address: "198.51.100.7", peerTrusted: false });
    expect(resolve("::ffff:198.51.100.7", undefined).address).toBe("198.51.100.7");
  });

  it("with N trusted hops, is the address N hops from the right", () => {
    expect(resolve("127.0.0.1", "6.6.6.6, 203.0.113.7", { hops: 1 })).toEqual({ address: "203.0.113.7", peerTrusted: true });
    expect(resolve("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", { hops: 2 }).address).toBe("203.0.113.7");
    // A request that reached the app without passing through the proxy has nothing to skip.
    expect(resolve("127.0.0.1", undefined, { hops: 1 }).address).toBe("127.0.0.1");
  });

  it("with a list of proxies, skips only the hops that are in it", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    expect(resolve("127.0.0.1", "6.6.6.6, 203.0.113.7", { proxies }).address).toBe("203.0.113.7");
    expect(resolve("::1", "6.6.6.6, 203.0.113.7, 10.1.2.3", { proxies }).address).toBe("203.0.113.7");
    expect(resolve("::ffff:127.0.0.1", "203.0.113.7", { proxies }).address).toBe("203.0.113.7");
    // A peer that is not a listed proxy is the client, and its forwarded header is its own claim.
    expect(resolve("198.51.100.7", "6.6.6.6", { proxies })).toEqual({ address: "198.51.100.7", peerTrusted: false });
    // Every hop a listed proxy: the left-most one is as far as anyone vouches.
    expect(resolve("127.0.0.1", "10.0.0.9", { proxies }).address).toBe("10.0.0.9");
  });

  it("with both, a hop must be listed and within the count", () => {
    const proxies = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(resolve("127.0.0.1", "6.6.6.6, 10.0.0.9", { proxies, hops: 1 }).address).toBe("10.0.0.9");
    expect(resolve("198.51.100.7", "6.6.6.6", { proxies, hops: 1 }).address).toBe("198.51.100.7");
  });

  it("stops at an entry no proxy would have written", () => {
    expect(resolve("127.0.0.1", "6.6.6.6, <script>", { hops: 1 }).address).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", "unknown", { hops: 1 }).address).toBe("127.0.0.1");
  });
});

describe("TRUSTED_PROXIES entries", () => {
  it("accepts addresses and CIDR ranges and refuses anything else", () => {
    for (const ok of ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "192.0.2.0/24"]) expect(isAddressOrRange(ok)).toBe(true);
    for (const bad of ["", "localhost", "10.0.0.0/33", "::1/129", "1.2.3.4/8/1", "10.0.0.0/x"]) expect(isAddressOrRange(bad)).toBe(false);
    expect(() => parseTrustedProxies("127.0.0.1,nginx")).toThrow(/"nginx"/);
  });
});
