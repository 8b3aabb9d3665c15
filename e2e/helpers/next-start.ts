import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { API_NODE_ARGS } from "../../scripts/api-command";
import { freePort } from "../../scripts/test-env";

/** Stops a child process with SIGTERM and waits for it; one that has already ended is left alone. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export interface NextServer {
  base: string;
  port: number;
  /** Its own API service (npm run api) with the same settings: where the claims endpoint lives. */
  api: { base: string; port: number };
  stop(): Promise<void>;
}

/**
 * Another `next start` on the same build and database, with settings of the test's own (proxy
 * trust, rate limits), listening on 127.0.0.1 as the production instances behind nginx do, and an
 * API service beside it with the same settings.
 */
export async function startNextServer(env: Record<string, string>): Promise<NextServer> {
  const [port, apiPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  // A few connections each: these servers take a handful of requests, and the suite's topology holds
  // many of PostgreSQL's connections already.
  const settings = { ...process.env, DATABASE_POOL_SIZE: "4", TRUSTED_PROXY_HOPS: "", TRUSTED_PROXIES: "", ...env, NEXTAUTH_URL: base };
  const api: ChildProcess = spawn(process.execPath, [...API_NODE_ARGS, "--port", String(apiPort)], { env: { ...settings, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...settings, API_ORIGIN: `http://127.0.0.1:${apiPort}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stopBoth = () => Promise.all([stopProcess(child), stopProcess(api)]).then(() => undefined);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || api.exitCode !== null) {
      await stopBoth();
      throw new Error(`next start (${child.exitCode}) or the API service (${api.exitCode}) exited`);
    }
    const up = await fetch(`${base}/api/v1/status`).then((r) => r.ok, () => false);
    const apiUp = await fetch(`http://127.0.0.1:${apiPort}/api/me/recovery`).then((r) => r.status === 401, () => false);
    if (up && apiUp) break;
    if (i > 240) {
      await stopBoth();
      throw new Error("next start or the API service did not answer within 2 minutes");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, port, api: { base: `http://127.0.0.1:${apiPort}`, port: apiPort }, stop: stopBoth };
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
  server: { port: number },
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
