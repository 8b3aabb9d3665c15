// `npm run prod:local`: the production topology on one machine, on the configured PostgreSQL —
// nginx at the edge (docs/nginx/aftercare.conf.template) in front of WEB_INSTANCES `next start`
// processes and API_INSTANCES API service processes (npm run api), and WORKERS workers, one of
// which keeps the static mirror current. Run `npm run build`
// first. Ctrl-C stops everything. Each process is started once: a crashed one stays down (nginx
// fails over to the others), as it would until a supervisor such as systemd restarts it.
import "./load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isEmbeddedDatabase } from "../lib/embedded-database";
import { applyMigrations } from "./db/schema-engine";
import { ensureNginx, writeEdgeConfig } from "./edge/nginx-config";
import { killNow, stopChildren } from "./stop-children";
import { API_NODE_ARGS } from "./api-command";
import { WORKER_NODE_ARGS } from "./worker-command";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, quiet: { type: "boolean" } } });
const port = Number(values.port ?? process.env.PORT ?? 8080);
const webInstances = Number(process.env.WEB_INSTANCES ?? 2);
const workers = Number(process.env.WORKERS ?? 1);
const apiInstances = Number(process.env.API_INSTANCES ?? 2);
const webBasePort = Number(process.env.WEB_BASE_PORT ?? port + 1);
const state = path.resolve(process.env.PROD_LOCAL_DIR ?? `.aftercare/prod-${port}`);
const quiet = values.quiet ?? false;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
if (!Number.isInteger(webInstances) || webInstances < 1) fail("WEB_INSTANCES must be a whole number of at least 1.");
if (!Number.isInteger(workers) || workers < 0) fail("WORKERS must be a whole number (0 or more).");
if (!Number.isInteger(apiInstances) || apiInstances < 1) fail("API_INSTANCES must be a whole number of at least 1.");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || isEmbeddedDatabase(databaseUrl)) {
  fail("prod:local runs on a PostgreSQL server: set DATABASE_URL (the embedded database serves one development server, see npm run dev).");
}
for (const name of ["NEXTAUTH_SECRET", "SMTP_URL", "GIFT_CODE_KEY"]) {
  if (!process.env[name]) fail(`${name} is not set: production needs it (see the README's configuration table).`);
}
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(distDir, "BUILD_ID"))) fail(`No production build in ${distDir}: run npm run build first.`);

const nginx = ensureNginx() ?? fail("Could not install nginx: install the nginx-light (or nginx) package and run again.");
const applied = await applyMigrations(databaseUrl);
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

const mirrorDir = path.resolve(process.env.STATUS_MIRROR_DIR ?? path.join(state, "status-mirror"));
mkdirSync(mirrorDir, { recursive: true });
const webPorts = Array.from({ length: webInstances }, (_, i) => webBasePort + i);
const apiPorts = Array.from({ length: apiInstances }, (_, i) => webBasePort + webInstances + i);
const publicUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
const edgeUrl = `http://127.0.0.1:${port}`;
let nginxConf: string;
try {
  nginxConf = writeEdgeConfig({ nginx, dir: path.join(state, "nginx"), listen: String(port), upstreams: webPorts.map((p) => `127.0.0.1:${p}`), apiUpstreams: apiPorts.map((p) => `127.0.0.1:${p}`), mirrorRoot: path.join(mirrorDir, "current") });
} catch (error) {
  fail((error as Error).message);
}

const children: ChildProcess[] = [];
let stopping = false;
let ready = false;
interface Running {
  role: string;
  port?: number;
  pid: number;
}
const running: Running[] = [];

function start(role: string, command: string, args: string[], env: Record<string, string>, port?: number): ChildProcess {
  // Same process group as this launcher: whoever stops the group (a terminal, a test runner) stops them all.
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  running.push({ role, port, pid: child.pid! });
  const prefix = `[${role}] `;
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (quiet && stream === process.stdout) return;
    stream.write(chunk.toString().replace(/^(?=.)/gm, prefix));
  };
  child.stdout!.on("data", relay(process.stdout));
  child.stderr!.on("data", relay(process.stderr));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    if (!ready) {
      // A process that fails while the topology starts (a port in use, a bad setting) fails the start.
      console.error(`${prefix}exited (${signal ?? code}) while starting; stopping everything.`);
      void shutdown(1);
      return;
    }
    console.error(`${prefix}exited (${signal ?? code}); the others carry on.`);
  });
  return child;
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping nginx, the web instances and the workers…");
  await stopChildren(children);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("exit", () => killNow(children));

const webEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: publicUrl,
  // nginx, on this host, is the one proxy in front: from a loopback peer the app takes the address
  // nginx appended to X-Forwarded-For (the client's), and nothing the client wrote left of it
  // (lib/security/client-address-hook.ts).
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1,::1",
  // Where a web instance forwards the API paths if a request for them reaches it directly (nginx
  // sends them to the API service itself).
  API_ORIGIN: `http://127.0.0.1:${apiPorts[0]}`,
};
for (const [i, webPort] of webPorts.entries()) {
  start(`web ${i + 1}`, process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(webPort), "--hostname", "127.0.0.1"], { ...webEnv, PORT: String(webPort) }, webPort);
}
for (const [i, apiPort] of apiPorts.entries()) {
  start(`api ${i + 1}`, process.execPath, [...API_NODE_ARGS, "--port", String(apiPort)], webEnv, apiPort);
}
for (let i = 0; i < workers; i++) {
  // The first worker publishes the static mirror, reading the documents through the edge.
  const mirror: Record<string, string> = i === 0 ? { STATUS_MIRROR_DIR: mirrorDir, STATUS_MIRROR_ORIGIN: edgeUrl } : { STATUS_MIRROR_DIR: "" };
  start(`worker ${i + 1}`, process.execPath, WORKER_NODE_ARGS, { NODE_ENV: "production", NEXTAUTH_URL: publicUrl, ...mirror });
}
start("nginx", nginx, ["-p", path.join(state, "nginx"), "-c", nginxConf, "-g", "daemon off;"], {}, port);

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: "manual" });
    await response.arrayBuffer();
    return response.status < 500;
  } catch {
    return false;
  }
}
const started = Date.now();
const instances = [
  ...webPorts.map((p) => ({ name: `web instance on port ${p}`, url: `http://127.0.0.1:${p}/api/v1/status` })),
  ...apiPorts.map((p) => ({ name: `API instance on port ${p}`, url: `http://127.0.0.1:${p}/api/me/recovery` })),
];
for (const { name, url } of instances) {
  while (!(await answers(url))) {
    if (Date.now() - started > 120_000) {
      console.error(`${name} did not answer within 2 minutes.`);
      await shutdown(1);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
while (!(await answers(`${edgeUrl}/`))) await new Promise((r) => setTimeout(r, 200));
ready = true;
writeFileSync(path.join(state, "topology.json"), JSON.stringify({ edge: edgeUrl, publicUrl, mirrorDir, processes: running }, null, 2));
console.log(`READY: Aftercare on ${publicUrl} — nginx on port ${port}, ${webInstances} web instance(s) on ${webPorts.join(", ")}, ${apiInstances} API instance(s) on ${apiPorts.join(", ")}, ${workers} worker(s). Topology in ${path.relative(process.cwd(), path.join(state, "topology.json"))}.`);
