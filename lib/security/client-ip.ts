import { timingSafeEqual } from "node:crypto";

/**
 * The header through which the server's own request hook (client-address-hook.ts) hands the
 * client's address to the app: "<process nonce> <address>". A client can send a header of this
 * name too, but not the nonce, which never leaves the process.
 */
export const CLIENT_ADDRESS_HEADER = "x-aftercare-client-ip";

interface HookState {
  nonce: string;
}

const STATE = Symbol.for("aftercare.client-address-hook");

/** Set once by the hook; shared through globalThis because Next.js bundles instrumentation and routes apart. */
export function hookState(): HookState | undefined {
  return (globalThis as { [STATE]?: HookState })[STATE];
}

export function setHookState(state: HookState): void {
  (globalThis as { [STATE]?: HookState })[STATE] = state;
}

/**
 * The client's address as the server resolved it from the socket's peer and the configured proxy
 * trust (TRUSTED_PROXY_HOPS, TRUSTED_PROXIES), for rate limits and fraud signals. Forwarding
 * headers a client sends are never read here. Without the hook's vouching value — a request that
 * did not come through this process's HTTP server — the answer is "unknown".
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const state = hookState();
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (!state || !value) return "unknown";
  const space = value.indexOf(" ");
  const nonce = Buffer.from(space < 0 ? value : value.slice(0, space));
  const expected = Buffer.from(state.nonce);
  if (space < 0 || nonce.length !== expected.length || !timingSafeEqual(nonce, expected)) return "unknown";
  return value.slice(space + 1) || "unknown";
}
