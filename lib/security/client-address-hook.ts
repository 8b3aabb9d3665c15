import { randomBytes } from "node:crypto";
import { channel } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { CLIENT_ADDRESS_HEADER, hookState, setHookState } from "./client-ip";
import { resolveClientAddress, type ProxyTrust } from "./trusted-proxies";

// Next.js keeps a client's own X-Forwarded-For (it only fills the header in when absent), and
// route handlers, server actions and proxy.ts never see the socket. Node publishes every request
// on this channel before the server's request listener runs, so the headers are settled here,
// from the socket's peer, before Next.js reads them.
const REQUEST_START = channel("http.server.request.start");

/** Headers only a trusted proxy may set; from anyone else they are dropped (Next.js fills in its own). */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];
/** Other ways of claiming an address, which the app never trusts. */
const ADDRESS_CLAIMS = ["x-real-ip", "forwarded"];

/** Rewrites one request's headers: X-Forwarded-For becomes the resolved client alone. */
export function settleForwardedHeaders(request: IncomingMessage, peer: string | undefined, trust: ProxyTrust, nonce: string): void {
  const headers = request.headers;
  const forwarded = headers["x-forwarded-for"];
  for (const name of ADDRESS_CLAIMS) delete headers[name];
  delete headers[CLIENT_ADDRESS_HEADER];
  if (!peer) {
    for (const name of PROXY_HEADERS) delete headers[name];
    delete headers["x-forwarded-for"];
    syncRawHeaders(request);
    return;
  }
  const { address, peerTrusted } = resolveClientAddress({ peer, forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded, trust });
  if (!peerTrusted) for (const name of PROXY_HEADERS) delete headers[name];
  headers["x-forwarded-for"] = address;
  headers[CLIENT_ADDRESS_HEADER] = `${nonce} ${address}`;
  syncRawHeaders(request);
}

const SETTLED = new Set([...PROXY_HEADERS, ...ADDRESS_CLAIMS, "x-forwarded-for", CLIENT_ADDRESS_HEADER]);

/**
 * Servers that build a Web Request from `rawHeaders` (Hono's Node adapter, which the API service
 * runs on) must see the settled headers too: the settled names are taken out of `rawHeaders` and
 * put back with the values `headers` now holds.
 */
function syncRawHeaders(request: IncomingMessage): void {
  const raw: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (!SETTLED.has(request.rawHeaders[i]!.toLowerCase())) raw.push(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  }
  for (const name of SETTLED) {
    const value = request.headers[name];
    if (typeof value === "string") raw.push(name, value);
  }
  request.rawHeaders = raw;
}

/** Installs the hook for every HTTP server in this process (once; later calls change nothing). */
export function installClientAddressHook(trust: ProxyTrust): void {
  if (hookState()) return;
  const nonce = randomBytes(18).toString("base64url");
  REQUEST_START.subscribe((message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    settleForwardedHeaders(request, socket.remoteAddress, trust, nonce);
  });
  setHookState({ nonce });
}
