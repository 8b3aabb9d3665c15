import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { freePort } from "../../scripts/test-env";

export interface NextServer {
  base: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Another `next start` on the same build and database, with settings of the test's own (proxy
 * trust, rate limits), listening on 127.0.0.1 as the production instances behind nginx do.
 */
export async function startNextServer(env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, TRUSTED_PROXY_HOPS: "", TRUSTED_PROXIES: "", ...env, NEXTAUTH_URL: base },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${base}/api/v1/status`).then((r) => r.ok, () => false)) break;
    if (i > 240) throw new Error("next start did not answer within 2 minutes");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * One HTTP request from a chosen local address: every 127.x.y.z is this machine, so a test can be
 * a host of its own (its own rate-limit buckets) without touching what other tests count.
 */
export function send(
  server: NextServer,
  { method = "GET", path, headers = {}, body, from }: { method?: string; path: string; headers?: Record<string, string>; body?: string; from: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: server.port, method, path, headers, localAddress: from, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A loopback address no other test uses. */
export function ownLoopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `127.${byte()}.${byte()}.${byte()}`;
}

/** Random public-looking addresses for forged forwarding headers. */
export function forgedAddress(): string {
  const byte = () => Math.floor(Math.random() * 256);
  return `${1 + Math.floor(Math.random() * 222)}.${byte()}.${byte()}.${byte()}`;
}
