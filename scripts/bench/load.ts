// Load generation for the benchmarks: wrk (Debian's package), which keeps up with a bare Node
// server on this hardware where a Node-based generator would itself be the bottleneck.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === "us" ? n / 1000 : match[2] === "s" ? n * 1000 : n;
}

export function parseWrk(output: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p50 = toMs(/^\s+50%\s+(\S+)/m.exec(output)?.[1] ?? "");
  const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(output)?.[1] ?? "");
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  if (!Number.isFinite(rps) || !Number.isFinite(p99)) throw new Error(`could not read wrk's output:\n${output}`);
  return { rps, p50, p99, errors };
}

/** Runs a command to completion without blocking this process (the counting proxy lives here). */
export function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

export async function runWrk(url: string, { connections = 100, seconds = 20, headers = {} as Record<string, string>, script = undefined as string | undefined } = {}): Promise<LoadResult> {
  const extra = [...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]), ...(script ? ["-s", script] : [])];
  const run = await runAsync("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...extra, url]);
  if (run.code !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  return parseWrk(run.stdout);
}

/** wrk and nginx from Debian's packages; installed when missing and we may. */
export function ensureTools(): void {
  const missing = ["wrk", "nginx"].filter((tool) => spawnSync("sh", ["-c", `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0);
  if (missing.length === 0) return;
  console.log(`Installing ${missing.join(" and ")} from Debian's packages…`);
  const packages = missing.map((tool) => (tool === "nginx" ? "nginx-light" : tool));
  const install = spawnSync("sh", ["-c", `apt-get install -y -qq ${packages.join(" ")} || (apt-get update -qq && apt-get install -y -qq ${packages.join(" ")})`], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (install.status !== 0) throw new Error(`install ${packages.join(" ")} (apt-get install ${packages.join(" ")}) and run again`);
}

// Servers still running when the benchmark exits (also on an error) are stopped with it.
const running = new Set<number>();
process.on("exit", () => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

/** Starts a server process in its own group and waits until `ready` answers. */
export async function startServer(command: string, args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  running.add(child.pid!);
  child.once("exit", () => running.delete(child.pid!));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    if (await fetch(ready).then((r) => r.status < 500, () => false)) break;
    if (i > 240) throw new Error(`${command} did not answer ${ready}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        resolve();
      }
    });
  return { child, stop };
}
