// The production edge, proven: the real nginx with the configuration rendered from docs/nginx/ by
// writeEdgeConfig (the same file npm run prod:local runs), in front of two small HTTP servers that
// stand in for `next start` instances. They count what reaches them and answer the way Next.js does
// (Cache-Control with s-maxage=5, Next's Vary header), or with 500s, or not at all.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress } from "@/lib/security/trusted-proxies";
import { PUBLIC_CACHE_CONTROL } from "@/lib/public/public-response";
import { ensureNginx, writeEdgeConfig } from "./nginx-config";

const nginx = ensureNginx();
if (!nginx) {
  console.error(
    "\n################################################################################\n" +
      "# SKIPPED: the edge tests need nginx, which is not installed and could not be   #\n" +
      "# installed (apt-get install nginx-light failed). The production edge is NOT   #\n" +
      "# tested in this run.                                                          #\n" +
      "################################################################################\n",
  );
}

/** The public documents the edge micro-caches (docs/nginx/aftercare.conf.template). */
const PUBLIC_DOCUMENTS = ["/", "/incidents/x", "/history", "/feed.atom", "/api/v1/status", "/api/v1/incidents/x"];
/** What Next.js 16 sends with an App Router page; nginx would otherwise keep one copy per value of each. */
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
/** The proxy trust the web instances behind this edge run with (TRUSTED_PROXIES in scripts/prod-local.ts). */
const EDGE_TRUST = { proxies: parseTrustedProxies("127.0.0.1,::1") };
/** Cache states that mean "answered from the cache, upstream not waited for". */
const FROM_CACHE = ["HIT", "UPDATING", "STALE"];

type Mode = "ok" | "error" | "closed";
interface Seen {
  instance: string;
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}
/** The body every fake instance answers with (JSON, whatever the content type). */
interface Doc {
  instance: string;
  method: string;
  url: string;
  n: number;
  personal: string | null;
  rsc: boolean;
  /** When the instance answered (ms since the epoch). */
  at: number;
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=([^;]*)/;

function contentType(pathname: string): string {
  if (pathname.startsWith("/api/")) return "application/json; charset=utf-8";
  if (pathname === "/feed.atom") return "application/atom+xml; charset=utf-8";
  return "text/html; charset=utf-8";
}

/** Answers numbered across both instances, so that any two answers can be told apart. */
let answered = 0;

/** One stand-in for a `next start` instance. */
class FakeInstance {
  readonly seen: Seen[] = [];
  mode: Mode = "ok";
  port = 0;
  private server: http.Server;

  constructor(readonly name: string) {
    this.server = http.createServer((req, res) => this.answer(req, res));
    this.server.keepAliveTimeout = 60_000;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = req.url ?? "/";
    this.seen.push({ instance: this.name, method: req.method ?? "GET", url, headers: req.headers });
    req.resume();
    req.on("end", () => {
      if (this.mode === "error") {
        res.writeHead(500, { "content-type": "text/plain" }).end("internal error");
        return;
      }
      const pathname = new URL(url, "http://x").pathname;
      const rsc = req.headers.rsc === "1" || url.includes("_rsc=") || req.headers["next-router-prefetch"] === "1";
      const doc: Doc = { instance: this.name, method: req.method ?? "GET", url, n: ++answered, personal: SESSION_COOKIE.exec(req.headers.cookie ?? "")?.[1] ?? null, rsc, at: Date.now() };
      const headers: http.OutgoingHttpHeaders = {
        "content-type": rsc ? "text/x-component" : contentType(pathname),
        "cache-control": PUBLIC_CACHE_CONTROL,
        vary: NEXT_VARY,
      };
      if (pathname === "/incidents/sets-cookie") headers["set-cookie"] = `aftercare-device=${randomUUID()}; Path=/; HttpOnly`;
      // Long enough for gzip (gzip_min_length), and a moment of work so that concurrent requests overlap.
      const body = JSON.stringify({ ...doc, padding: "status ".repeat(300) });
      setTimeout(() => res.writeHead(200, headers).end(body), 40);
    });
  }

  start(port = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** "closed" stops listening and drops nginx's keep-alive connections: a crashed instance. */
  async setMode(mode: Mode) {
    if (mode === "closed" && this.mode !== "closed") {
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    }
    if (mode !== "closed" && this.mode === "closed") await this.start(this.port);
    this.mode = mode;
  }

  /** Open connections to this instance (nginx's keep-alive connections included). */
  connections(): Promise<number> {
    return new Promise((resolve, reject) => this.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  }

  count(pathname: string, since = 0): number {
    return this.seen.slice(since).filter((s) => new URL(s.url, "http://x").pathname === pathname).length;
  }

  async stop() {
    if (this.mode !== "closed") await this.setMode("closed");
  }
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  cache: string | undefined;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(port: number, target: string, options: { method?: string; headers?: Record<string, string>; localAddress?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: target, method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress, agent: options.localAddress ? false : agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const cache = res.headers["x-cache-status"];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8"), cache: Array.isArray(cache) ? cache.join(",") : cache });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const docOf = (reply: Reply): Doc => JSON.parse(reply.text) as Doc;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}

function countFiles(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    total += statSync(full).isDirectory() ? countFiles(full) : 1;
  }
  return total;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The static mirror's `current` folder, laid out as lib/public/publish-mirror.ts writes it. */
const MIRROR_FILES: Record<string, string> = {
  "index.html": "<!doctype html><title>Mirror: status</title>",
  "incidents/x/index.html": "<!doctype html><title>Mirror: incident x</title>",
  "history/index.html": "<!doctype html><title>Mirror: history</title>",
  "feed.atom": '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Mirror feed</title></feed>',
  "api/v1/status.json": '{"mirror":"status"}',
  "api/v1/incidents/x.json": '{"mirror":"incident x"}',
  "api/v1/incidents-pages/1.json": '{"mirror":"page 1"}',
  "api/v1/incidents-pages/2.json": '{"mirror":"page 2"}',
};
const MIRROR_FOR: Record<string, string> = {
  "/": "index.html",
  "/incidents/x": "incidents/x/index.html",
  "/history": "history/index.html",
  "/feed.atom": "feed.atom",
  "/api/v1/status": "api/v1/status.json",
  "/api/v1/incidents/x": "api/v1/incidents/x.json",
};

/** nginx with the rendered edge configuration in front of two fake instances, on a fresh cache. */
async function startEdge() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-edge-"));
  // nginx's worker processes drop root and must read the mirror and write the cache.
  chmodSync(dir, 0o755);
  const mirror = path.join(dir, "mirror", "current");
  for (const [file, body] of Object.entries(MIRROR_FILES)) {
    mkdirSync(path.dirname(path.join(mirror, file)), { recursive: true });
    writeFileSync(path.join(mirror, file), body);
  }
  const instances = [new FakeInstance("A"), new FakeInstance("B")];
  for (const instance of instances) await instance.start();
  const apis = [new FakeInstance("API1"), new FakeInstance("API2")];
  for (const api of apis) await api.start();
  const port = await freePort();
  const edgeDir = path.join(dir, "edge");
  const conf = writeEdgeConfig({ nginx: nginx!, dir: edgeDir, listen: `127.0.0.1:${port}`, upstreams: instances.map((i) => `127.0.0.1:${i.port}`), apiUpstreams: apis.map((a) => `127.0.0.1:${a.port}`), mirrorRoot: mirror });
  const child: ChildProcess = spawn(nginx!, ["-p", edgeDir, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${stderr}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(socket.end() && true)).on("error", () => resolve(false));
    });
    if (up) break;
    if (tries > 100) throw new Error(`nginx did not listen on ${port}: ${stderr}`);
    await sleep(50);
  }
  const cacheDir = path.join(edgeDir, "cache");
  return {
    port,
    instances,
    apis,
    mirror,
    cacheEntries: () => countFiles(cacheDir),
    get: (target: string, options?: Parameters<typeof request>[2]) => request(port, target, options),
    upstreamCount: (pathname: string, marks?: number[]) => instances.reduce((sum, instance, i) => sum + instance.count(pathname, marks?.[i] ?? 0), 0),
    marks: () => instances.map((i) => i.seen.length),
    errorLog: () => readFileSync(path.join(edgeDir, "logs/error.log"), "utf8"),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      for (const instance of [...instances, ...apis]) await instance.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
type Edge = Awaited<ReturnType<typeof startEdge>>;

describe.skipIf(!nginx)("the nginx edge in front of two web instances", () => {
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge();
  });
  afterAll(async () => {
    await edge?.stop();
    agent.destroy();
  });

  it("asks a web instance for each public document at most once a second under 200 concurrent requests", async () => {
    for (const document of PUBLIC_DOCUMENTS) {
      const marks = edge.marks();
      const started = performance.now();
      const replies = await Promise.all(Array.from({ length: 200 }, () => edge.get(document)));
      const seconds = (performance.now() - started) / 1000;
      expect(replies.map((r) => r.status), document).toEqual(Array(200).fill(200));
      const fetched = edge.upstreamCount(new URL(document, "http://x").pathname, marks);
      expect(fetched, `${document}: ${fetched} upstream requests in ${seconds.toFixed(2)} s`).toBeGreaterThanOrEqual(1);
      expect(fetched, `${document}: ${fetched} upstream requests in ${seconds.toFixed(2)} s`).toBeLessThanOrEqual(1 + Math.floor(seconds));
      expect(replies.filter((r) => r.cache === "MISS").length, document).toBeLessThanOrEqual(1 + Math.floor(seconds));
    }
  });

  it("serves `/?x=<random>` for 500 random values from the one cached `/`, without new entries or evicting `/`", async () => {
    await edge.get("/");
    const entries = edge.cacheEntries();
    const marks = edge.marks();
    const started = performance.now();
    const replies = await inBatches(
      Array.from({ length: 500 }, () => `/?x=${randomUUID()}`),
      50,
      (target) => edge.get(target),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies.filter((r) => !FROM_CACHE.includes(r.cache ?? "")).map((r) => r.cache)).toEqual([]);
    expect(edge.upstreamCount("/", marks)).toBeLessThanOrEqual(1 + Math.floor(seconds));
    expect(edge.cacheEntries()).toBe(entries);
    expect(FROM_CACHE).toContain((await edge.get("/")).cache);
  });

  it("does not let request headers the key leaves out (Host, Next's Vary headers) split `/` into new entries", async () => {
    await edge.get("/");
    const entries = edge.cacheEntries();
    const marks = edge.marks();
    const started = performance.now();
    const variants: Record<string, string>[] = Array.from({ length: 60 }, (_, i) => {
      const value = randomUUID();
      const name = ["host", "accept-encoding", "next-router-state-tree"][i % 3]!;
      return { [name]: name === "host" ? `${value}.example` : value };
    });
    const replies = await inBatches(variants, 30, (headers) => edge.get("/", { headers }));
    const seconds = (performance.now() - started) / 1000;
    expect(replies.filter((r) => !FROM_CACHE.includes(r.cache ?? "")).map((r) => r.cache)).toEqual([]);
    expect(edge.upstreamCount("/", marks)).toBeLessThanOrEqual(1 + Math.floor(seconds));
    expect(edge.cacheEntries()).toBe(entries);
  });

  it("keeps /api/v1/incidents?page=2 and ?page=3 apart, and ignores other query parameters", async () => {
    const two = await edge.get("/api/v1/incidents?page=2");
    const three = await edge.get("/api/v1/incidents?page=3");
    expect([two.cache, three.cache]).toEqual(["MISS", "MISS"]);
    expect(docOf(two).url).toBe("/api/v1/incidents?page=2");
    expect(docOf(three).url).toBe("/api/v1/incidents?page=3");
    const again = await edge.get("/api/v1/incidents?page=2&utm=x");
    expect(again.cache).toBe("HIT");
    expect(docOf(again).url).toBe("/api/v1/incidents?page=2");
  });

  it("never answers a signed-in request from the cache and never stores its answer", async () => {
    const cookies = ["next-auth.session-token=plain", "__Secure-next-auth.session-token=secure", "theme=dark; next-auth.session-token=among-others"];
    for (const [i, cookie] of cookies.entries()) {
      const document = `/incidents/signed-in-${i}`;
      const token = SESSION_COOKIE.exec(cookie)![1];
      // First signed in: the personal answer must not become the anonymous copy.
      const personal = await edge.get(document, { headers: { cookie } });
      expect(docOf(personal).personal, cookie).toBe(token);
      const anonymous = await edge.get(document);
      expect(anonymous.cache, cookie).toBe("MISS");
      expect(docOf(anonymous).personal).toBeNull();
      expect((await edge.get(document)).cache).toBe("HIT");
      // With an anonymous copy cached: still asked upstream, and the copy stays anonymous.
      const marks = edge.marks();
      const again = await edge.get(document, { headers: { cookie } });
      expect(docOf(again).personal, cookie).toBe(token);
      expect(edge.upstreamCount(document, marks), cookie).toBe(1);
      const after = await edge.get(document);
      expect(after.cache).toBe("HIT");
      expect(docOf(after).personal).toBeNull();
    }
    // Any other cookie is no reason to skip the cache.
    expect((await edge.get("/incidents/signed-in-0", { headers: { cookie: "theme=dark; not-next-auth.session-token=x" } })).cache).toBe("HIT");
  });

  it("never answers a React Server Component request from the cache and never stores its answer", async () => {
    const variants: { name: string; suffix: string; headers: Record<string, string> }[] = [
      { name: "RSC header", suffix: "", headers: { rsc: "1" } },
      { name: "_rsc query", suffix: "?_rsc=abc12", headers: {} },
      { name: "router prefetch", suffix: "", headers: { "next-router-prefetch": "1" } },
    ];
    for (const [i, variant] of variants.entries()) {
      const document = `/incidents/rsc-${i}`;
      expect(docOf(await edge.get(document + variant.suffix, { headers: variant.headers })).rsc, variant.name).toBe(true);
      const page = await edge.get(document);
      expect(page.cache, variant.name).toBe("MISS");
      expect(docOf(page).rsc).toBe(false);
      const marks = edge.marks();
      expect(docOf(await edge.get(document + variant.suffix, { headers: variant.headers })).rsc, variant.name).toBe(true);
      expect(edge.upstreamCount(document, marks), variant.name).toBe(1);
      const after = await edge.get(document);
      expect(after.cache, variant.name).toBe("HIT");
      expect(docOf(after).rsc).toBe(false);
    }
  });

  it("does not store a response that sets a cookie, and does not cache POSTs", async () => {
    const marks = edge.marks();
    const first = await edge.get("/incidents/sets-cookie");
    const second = await edge.get("/incidents/sets-cookie");
    expect(first.headers["set-cookie"]).toBeDefined();
    expect(second.cache).not.toBe("HIT");
    expect(docOf(second).n).not.toBe(docOf(first).n);
    expect(edge.upstreamCount("/incidents/sets-cookie", marks)).toBe(2);

    const cached = await edge.get("/incidents/post-target");
    const postMarks = edge.marks();
    const posts = [await edge.get("/incidents/post-target", { method: "POST", body: "a=1" }), await edge.get("/incidents/post-target", { method: "POST", body: "a=2" })];
    expect(posts.map((p) => docOf(p).method)).toEqual(["POST", "POST"]);
    expect(edge.upstreamCount("/incidents/post-target", postMarks)).toBe(2);
    const get = await edge.get("/incidents/post-target");
    expect(get.cache).toBe("HIT");
    expect(docOf(get)).toEqual(docOf(cached));
  });

  it("keeps serving the last good copy when the web instances answer 500", async () => {
    const good = docOf(await edge.get("/incidents/stale"));
    for (const instance of edge.instances) await instance.setMode("error");
    try {
      await sleep(1_200);
      const marks = edge.marks();
      for (let i = 0; i < 5; i++) {
        const reply = await edge.get("/incidents/stale");
        expect(reply.status).toBe(200);
        expect(FROM_CACHE).toContain(reply.cache);
        expect(docOf(reply)).toEqual(good);
        await sleep(300);
      }
      // The edge did try for a fresh copy, and got the 500s.
      expect(edge.upstreamCount("/incidents/stale", marks)).toBeGreaterThanOrEqual(1);
    } finally {
      for (const instance of edge.instances) await instance.setMode("ok");
    }
  });

  it("hands out no copy more than 4 seconds old, under steady visits or after a quiet spell", async () => {
    // Under steady visits each expired copy is handed out once more while a fresh one is fetched.
    const ages: number[] = [];
    for (let i = 0; i < 25; i++) {
      const reply = await edge.get("/incidents/bounded");
      expect(reply.status).toBe(200);
      ages.push(Date.now() - docOf(reply).at);
      await sleep(200);
    }
    expect(Math.max(...ages), `ages of the copies handed out: ${ages.join(", ")} ms`).toBeLessThanOrEqual(4_000);
    // After a quiet spell longer than the cache keeps an unvisited copy, the next visitor gets a
    // fresh answer, not the copy from before the spell.
    const before = docOf(await edge.get("/incidents/bounded"));
    await sleep(5_500);
    const after = await edge.get("/incidents/bounded");
    expect(after.cache).toBe("MISS");
    expect(docOf(after).n).not.toBe(before.n);
    expect(Date.now() - docOf(after).at).toBeLessThan(1_000);
  });

  it("sends the claims and \"My recovery\" endpoints to the API service, and never from the cache", async () => {
    const apiSeen = () => edge.apis.reduce((n, a) => n + a.seen.length, 0);
    const before = apiSeen();
    const webMarks = edge.marks();
    const claims = await Promise.all([0, 1, 2].map(() => edge.get("/api/claims", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })));
    const mine = await Promise.all([0, 1, 2].map(() => edge.get("/api/me/recovery", { headers: { cookie: "next-auth.session-token=abc" } })));
    const anonymous = await Promise.all([0, 1].map(() => edge.get("/api/me/recovery")));
    for (const reply of [...claims, ...mine, ...anonymous]) {
      expect(reply.status).toBe(200);
      expect(docOf(reply).instance).toMatch(/^API/);
      expect(reply.cache).toBeUndefined();
    }
    expect(apiSeen() - before).toBe(8);
    expect(edge.upstreamCount("/api/claims", webMarks) + edge.upstreamCount("/api/me/recovery", webMarks)).toBe(0);
  });

  it("keeps each session on one API instance, spreads sessions over them, and fails over", async () => {
    const as = (token: string) => ({ headers: { cookie: `theme=dark; next-auth.session-token=${token}` } });
    // The two copies of one person's form, and the rest of their requests, reach one instance.
    for (const token of ["alice", "bob", "carol"]) {
      const replies = await Promise.all(Array.from({ length: 10 }, () => edge.get("/api/me/recovery", as(token))));
      expect(new Set(replies.map((r) => docOf(r).instance)), token).toHaveProperty("size", 1);
    }
    const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => edge.get("/api/me/recovery", as(`person-${i}`))));
    expect(new Set(spread.map((r) => docOf(r).instance))).toEqual(new Set(["API1", "API2"]));
    // The instance holding a session goes away: its requests go to the other one, none fails.
    const home = docOf(await edge.get("/api/me/recovery", as("alice"))).instance;
    const [gone, other] = home === "API1" ? edge.apis : [edge.apis[1]!, edge.apis[0]!];
    await gone!.setMode("closed");
    try {
      const replies = await Promise.all(Array.from({ length: 5 }, () => edge.get("/api/claims", { ...as("alice"), method: "POST", body: "{}" })));
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(replies.map((r) => docOf(r).instance))).toEqual(new Set([other!.name]));
    } finally {
      await gone!.setMode("ok");
    }
  });

  it("answers the \"My recovery\" shell from the cache for signed-in visitors only", async () => {
    const marks = edge.marks();
    const signedIn = await Promise.all(Array.from({ length: 40 }, (_, i) => edge.get("/me", { headers: { cookie: `next-auth.session-token=person-${i}` } })));
    expect(signedIn.every((r) => r.status === 200)).toBe(true);
    expect(edge.upstreamCount("/me", marks), "signed-in requests for the shell").toBeLessThanOrEqual(2);
    const rsc = edge.marks();
    await Promise.all([0, 1, 2].map(() => edge.get("/me", { headers: { cookie: "next-auth.session-token=x", rsc: "1" } })));
    expect(edge.upstreamCount("/me", rsc), "navigation payloads go to Next.js").toBe(3);
    const anonymous = edge.marks();
    const replies = await Promise.all([0, 1, 2].map(() => edge.get("/me")));
    expect(replies.map((r) => r.cache)).toEqual(["BYPASS", "BYPASS", "BYPASS"]);
    expect(edge.upstreamCount("/me", anonymous), "visitors without a session are sent to sign in by Next.js").toBe(3);
  });

  it("fails over to the other instance when one refuses connections, with no 5xx", async () => {
    const [a, b] = edge.instances;
    await a!.setMode("closed");
    try {
      const marks = edge.marks();
      const targets = [...Array.from({ length: 30 }, () => "/claims"), ...Array.from({ length: 20 }, (_, i) => `/incidents/failover-${i}`)];
      const replies = await inBatches(targets, 10, (target) => edge.get(target, { headers: { cookie: "next-auth.session-token=t" } }));
      expect(replies.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      expect(new Set(replies.map((r) => docOf(r).instance))).toEqual(new Set(["B"]));
      expect(b!.seen.length - marks[1]!).toBe(targets.length);
    } finally {
      await a!.setMode("ok");
    }
  });

  it("closes idle connections to the instances before Node's 5-second keep-alive timeout would", async () => {
    // The instances here keep idle connections for 60 s, so any closing is nginx's. A `next start`
    // instance or the API service closes them after 5 s (Node's default keepAliveTimeout); when that
    // side closes first, a request nginx sends in the same instant fails with a reset.
    const upstreams = [...edge.instances, ...edge.apis];
    const open = () => Promise.all(upstreams.map((u) => u.connections()));
    const cookie = "next-auth.session-token=keepalive-check";
    await Promise.all([edge.get("/admin", { headers: { cookie } }), edge.get("/api/me/recovery", { headers: { cookie } }), edge.get("/admin"), edge.get("/api/claims", { method: "POST", headers: { cookie }, body: "{}" })]);
    expect((await open()).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await sleep(4_700);
    expect(await open()).toEqual(upstreams.map(() => 0));
  });

  it("answers 404 itself for /api/internal/, however the path is spelled", async () => {
    const marks = edge.marks();
    const targets = ["/api/internal/public-change", "/api//internal/public-change", "/api/%69nternal/public-change", "/api/v1/../internal/public-change"];
    for (const target of targets) {
      expect((await edge.get(target, { method: "POST", body: "{}" })).status, target).toBe(404);
      expect((await edge.get(target)).status, target).toBe(404);
    }
    expect(edge.instances.flatMap((i, n) => i.seen.slice(marks[n]).map((s) => s.url))).toEqual([]);
  });

  it("gzips for clients that accept it, from one plain upstream copy", async () => {
    for (const target of ["/api/v1/status", "/", "/me"]) {
      const marks = edge.marks();
      const zipped = await edge.get(target, { headers: { "accept-encoding": "gzip" } });
      expect(zipped.headers["content-encoding"], target).toBe("gzip");
      const plain = await edge.get(target);
      expect(plain.headers["content-encoding"], target).toBeUndefined();
      expect(zipped.body.length).toBeLessThan(plain.body.length);
      expect(docOf({ ...zipped, text: gunzipSync(zipped.body).toString("utf8") }).url).toBe(docOf(plain).url);
      const upstream = edge.instances.flatMap((i, n) => i.seen.slice(marks[n]));
      expect(upstream.map((s) => s.headers["accept-encoding"])).toEqual(upstream.map(() => undefined));
    }
  });

  it("passes the real peer address as the last X-Forwarded-For entry, whatever the client claims", async () => {
    const marks = edge.marks();
    // Connecting from 127.0.0.7 makes the peer address distinguishable from anything else here.
    await edge.get("/me?forged", { localAddress: "127.0.0.7", headers: { "x-forwarded-for": "203.0.113.9, 198.51.100.4", "x-forwarded-proto": "https" } });
    await edge.get("/me?plain", { localAddress: "127.0.0.7" });
    // Either instance may have answered either request: put them back in the order they were sent.
    const seen = edge.instances.flatMap((i, n) => i.seen.slice(marks[n])).sort((a, b) => (a.url === "/me?forged" ? -1 : b.url === "/me?forged" ? 1 : 0));
    expect(seen.map((s) => s.url)).toEqual(["/me?forged", "/me?plain"]);
    expect(seen.map((s) => s.headers["x-forwarded-for"])).toEqual(["203.0.113.9, 198.51.100.4, 127.0.0.7", "127.0.0.7"]);
    expect(seen.map((s) => s.headers["x-forwarded-proto"])).toEqual(["http", "http"]);
    // The app, run as prod:local runs it behind this edge, takes that entry and no forged one.
    // nginx connects to the instances from loopback, a trusted proxy there.
    for (const s of seen) expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: String(s.headers["x-forwarded-for"]), trust: EDGE_TRUST }).address).toBe("127.0.0.7");
  });
});

describe.skipIf(!nginx)("the nginx edge with every web instance down", () => {
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge();
    for (const instance of edge.instances) await instance.setMode("closed");
  });
  afterAll(async () => {
    await edge?.stop();
  });

  it("serves each public document from the static mirror", async () => {
    for (const [document, file] of Object.entries(MIRROR_FOR)) {
      const reply = await edge.get(document);
      expect(reply.status, `${document}\n${edge.errorLog()}`).toBe(200);
      expect(reply.cache, document).toBe("MIRROR");
      expect(reply.text, document).toBe(MIRROR_FILES[file]);
      expect(reply.headers["cache-control"], document).toBe("no-store");
    }
    const page2 = await edge.get("/api/v1/incidents?page=2");
    expect([page2.status, page2.cache, page2.text]).toEqual([200, "MIRROR", MIRROR_FILES["api/v1/incidents-pages/2.json"]]);
    expect((await edge.get("/api/v1/incidents")).text).toBe(MIRROR_FILES["api/v1/incidents-pages/1.json"]);
  });

  it("answers a signed-in page, or a document the mirror lacks, with 503, Retry-After and the plain page", async () => {
    const page = readFileSync(path.resolve("docs/nginx/unavailable.html"), "utf8");
    for (const [target, headers] of [
      ["/me", { cookie: "next-auth.session-token=t" }],
      ["/admin", {}],
      ["/incidents/not-in-the-mirror", {}],
    ] as const) {
      const reply = await edge.get(target, { headers });
      expect(reply.status, target).toBe(503);
      expect(reply.headers["retry-after"], target).toBe("30");
      expect(reply.text, target).toBe(page);
      expect(reply.headers["content-type"], target).toMatch(/^text\/html/);
    }
  });
});
