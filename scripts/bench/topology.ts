// The benchmarks drive the production topology through nginx, never a process that answers itself:
// this starts `npm run prod:local` (scripts/prod-local.ts) for one measurement and stops it after.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../test-env";

export interface Topology {
  /** The edge (nginx): where the load goes. */
  base: string;
  /** The web instances' own ports (for checks, never for load). */
  webPorts: number[];
  stop: () => Promise<void>;
}

export async function startTopology(options: { env: NodeJS.ProcessEnv; webInstances: number; apiInstances?: number; workers?: number }): Promise<Topology> {
  // The processes take the ports after the edge's, found free only for the edge: when one of them
  // is taken meanwhile, the start fails and is tried again elsewhere.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startTopologyOnce(options);
    } catch (error) {
      if (attempt === 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
      console.error(`A port of the topology was in use; starting it again on other ports (attempt ${attempt + 1} of 3).`);
    }
  }
}

async function startTopologyOnce({ env, webInstances, apiInstances = webInstances, workers = 0 }: { env: NodeJS.ProcessEnv; webInstances: number; apiInstances?: number; workers?: number }): Promise<Topology> {
  const port = await freePort();
  const state = path.resolve(`.aftercare/bench-${port}`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/prod-local.ts", "--port", String(port), "--quiet"], {
    env: { ...env, NEXTAUTH_URL: `http://127.0.0.1:${port}`, WEB_INSTANCES: String(webInstances), API_INSTANCES: String(apiInstances), WORKERS: String(workers), PROD_LOCAL_DIR: state },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stopAll = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", stopAll);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk.toString();
    });
    const timer = setTimeout(() => reject(new Error(`prod:local did not become ready:\n${output}`)), 180_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("READY:")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`prod:local exited with ${code}:\n${output}`)));
  });
  const topology = JSON.parse(readFileSync(path.join(state, "topology.json"), "utf8")) as { processes: { role: string; port?: number }[] };
  return {
    base: `http://127.0.0.1:${port}`,
    webPorts: topology.processes.filter((p) => p.role.startsWith("web")).map((p) => p.port!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        stopAll();
      }),
  };
}
