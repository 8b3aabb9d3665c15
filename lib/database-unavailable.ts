// Whether a failure means "the database could not be reached", as opposed to a bug or a bad query.
// Such a failure says nothing about the request (who is signed in, whether a page exists): callers
// answer 503 and ask for a retry instead of guessing.

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

// PostgreSQL SQLSTATEs for a server that is going away or not taking connections:
// admin / crash shutdown, cannot connect now, too many connections.
const SERVER_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);

// Prisma: can't reach the server, timed out reaching it, server closed the connection, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

// The driver adapter's own classification (@prisma/driver-adapter-utils' error kinds).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

// node-postgres reports lost and timed-out connections by message only.
const PG_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /Client has encountered a connection error/, /Connection terminated due to connection timeout/];

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function adapterKind(error: unknown): unknown {
  return field(field(field(field(error, "meta"), "driverAdapterError"), "cause"), "kind") ?? field(field(error, "cause"), "kind");
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const code = field(error, "code");
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith("08") || PRISMA_CODES.has(code))) return true;
  const kind = adapterKind(error);
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const message = field(error, "message");
  if (typeof message === "string" && PG_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // AggregateError (a connect to every address of a host failed) and wrapped causes.
  const errors = field(error, "errors");
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(field(error, "cause"), depth + 1);
}
