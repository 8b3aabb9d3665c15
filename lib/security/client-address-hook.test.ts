import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installClientAddressHook } from "./client-address-hook";
import { CLIENT_ADDRESS_HEADER, clientIp } from "./client-ip";

// A real Node HTTP server with the hook installed, as instrumentation.ts installs it under
// `next start`: what the request listener sees is what route handlers and server actions see.
let server: Server;
let port = 0;

beforeAll(async () => {
  installClientAddressHook({});
  server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    // Hono's Node adapter (the API service) builds its Request from rawHeaders.
    const raw = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) raw.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    res.end(JSON.stringify({ headers: req.headers, clientIp: clientIp(new Headers(req.headers as Record<string, string>)), raw: Object.fromEntries(raw), rawClientIp: clientIp(raw) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; clientIp: string; raw: Record<string, string>; rawClientIp: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("client address hook", () => {
  it("replaces a client's forwarding headers with the socket's peer", async () => {
    const seen = await get({ "x-forwarded-for": "6.6.6.6, 7.7.7.7", "x-real-ip": "8.8.8.8", forwarded: "for=9.9.9.9", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(seen.clientIp).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-real-ip"]).toBeUndefined();
    expect(seen.headers.forwarded).toBeUndefined();
    expect(seen.headers["x-forwarded-host"]).toBeUndefined();
    expect(seen.headers["x-forwarded-proto"]).toBeUndefined();
  });

  it("settles the raw headers the same way, for servers that build their Request from them", async () => {
    const seen = await get({ "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "8.8.8.8", [CLIENT_ADDRESS_HEADER]: "guess 6.6.6.6", "X-Other": "kept" });
    expect(seen.rawClientIp).toBe("127.0.0.1");
    expect(seen.raw["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.raw["x-real-ip"]).toBeUndefined();
    expect(seen.raw["x-other"]).toBe("kept");
  });

  it("does not let a client forge the server's own vouching header", async () => {
    const seen = await get({ [CLIENT_ADDRESS_HEADER]: "guess 6.6.6.6" });
    expect(seen.clientIp).toBe("127.0.0.1");
    expect(seen.headers[CLIENT_ADDRESS_HEADER]).not.toContain("guess");
  });

  it("answers unknown for headers that did not pass through the hook", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "guess 6.6.6.6" }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
