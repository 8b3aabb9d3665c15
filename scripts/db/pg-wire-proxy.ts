// A TCP proxy in front of PostgreSQL that counts the queries passing through it and can play
// dead. Benchmarks use it to prove cached pages issue no queries; tests use it to take the
// database away from a running server.
import net from "node:net";

export interface PgWireProxy {
  port: number;
  /** Queries sent since the last reset: simple-protocol Query plus extended-protocol Execute messages. */
  queries(): number;
  reset(): void;
  /** Connection attempts turned away while down. */
  refused(): number;
  /** Drops every connection and refuses new ones, as a database that went away. */
  goDown(): void;
  comeBack(): void;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/** Counts client→server protocol messages in one connection's byte stream. */
export function createMessageCounter(onQuery: () => void) {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (buffer.length < length) return;
        buffer = buffer.subarray(length);
        // SSL/GSS probes come before the real startup message.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      const type = String.fromCharCode(buffer[0]!);
      if (type === "Q" || type === "E") onQuery();
      buffer = buffer.subarray(length + 1);
    }
  };
}

export async function startPgWireProxy(target: { host: string; port: number }): Promise<PgWireProxy> {
  let count = 0;
  let down = false;
  let refused = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (down) {
      refused += 1;
      return client.destroy();
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const counter = createMessageCounter(() => (count += 1));
    client.on("data", (chunk: Buffer) => {
      counter(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    queries: () => count,
    reset: () => void (count = 0),
    refused: () => refused,
    goDown: () => {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    comeBack: () => void (down = false),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The proxy's address as a connection string, keeping user, password and database. */
export function viaProxy(databaseUrl: string, proxy: PgWireProxy): string {
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  return url.toString();
}
