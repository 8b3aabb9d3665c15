import { BlockList, isIP } from "node:net";

/**
 * Which hops in front of the app may speak for the client. `hops`: how many proxies sit in front
 * (counted from the app); `proxies`: their addresses. With both, a hop is skipped only if it is
 * in the list and within the count. With neither, the socket's peer is the client.
 */
export interface ProxyTrust {
  hops?: number;
  proxies?: BlockList;
}

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

export function isAddressOrRange(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  if (!address || extra !== undefined) return false;
  const family = isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUSTED_PROXIES as a BlockList ("127.0.0.1, 10.0.0.0/8, ::1"); throws on an invalid entry. */
export function parseTrustedProxies(list: string): BlockList {
  const blocks = new BlockList();
  for (const raw of list.split(",")) {
    const entry = raw.trim();
    if (!isAddressOrRange(entry)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const normalized = normalizeAddress(address);
    const type = isIP(normalized) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) blocks.addAddress(normalized, type);
    else blocks.addSubnet(normalized, Number(prefix), type);
  }
  return blocks;
}

function isTrusted(address: string, trust: ProxyTrust): boolean {
  if (!trust.proxies) return true;
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: start at the socket's peer and walk left through X-Forwarded-For while the
 * current hop is a trusted proxy. Entries a proxy did not add (anything left of where the walk
 * stops) are whatever the client sent and are never used.
 */
export function resolveClientAddress({ peer, forwardedFor, trust }: { peer: string; forwardedFor: string | undefined; trust: ProxyTrust }): { address: string; peerTrusted: boolean } {
  const maxHops = trust.hops ?? (trust.proxies ? Number.POSITIVE_INFINITY : 0);
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => normalizeAddress(entry.trim()))
    .filter(Boolean);
  let address = normalizeAddress(peer);
  const peerTrusted = maxHops > 0 && isTrusted(address, trust);
  let skipped = 0;
  while (skipped < maxHops && chain.length > 0 && isTrusted(address, trust)) {
    const next = chain.pop()!;
    // A proxy writes a bare address; anything else means the walk has gone past what proxies wrote.
    if (!isIP(next)) break;
    address = next;
    skipped++;
  }
  return { address, peerTrusted };
}
