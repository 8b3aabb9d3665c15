/**
 * What a failed SMTP attempt means. Temporary: try again later (4xx replies, throttling, the
 * connection dropping or timing out). Permanent: the server refused this recipient or message for
 * good (5xx replies, an address it cannot parse) — retrying would only hurt our sender reputation.
 */
export type Failure = { kind: "temporary" | "permanent"; reason: string };

const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNRESET", "ECONNREFUSED", "EDNS", "ETLS", "EAUTH", "EPROTOCOL", "EMAXLIMIT"]);

export function classifyFailure(error: unknown): Failure {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown };
  const message = String(e.response ?? e.message ?? error).replace(/\s+/g, " ").slice(0, 300);
  const status = typeof e.responseCode === "number" ? e.responseCode : null;
  // An authentication failure is our configuration, not the recipient: keep the message and retry.
  if (e.code === "EAUTH") return { kind: "temporary", reason: `SMTP login failed: ${message}` };
  if (status !== null && status >= 500 && status < 600) return { kind: "permanent", reason: `${status} ${message}` };
  if (status !== null && status >= 400 && status < 500) return { kind: "temporary", reason: `${status} ${message}` };
  if (e.code === "EENVELOPE") return { kind: "permanent", reason: `Address refused: ${message}` };
  if (typeof e.code === "string" && CONNECTION_CODES.has(e.code)) return { kind: "temporary", reason: `${e.code}: ${message}` };
  return { kind: "temporary", reason: message };
}

/** Exponential backoff with ±20 % jitter so that a throttled batch does not come back in lockstep; capped at 6 h. */
export function retryDelaySeconds(attempt: number, baseSeconds: number, random: () => number = Math.random): number {
  const raw = Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), 6 * 3600);
  return raw * (0.8 + 0.4 * random());
}
