import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { API_NODE_ARGS } from "../../scripts/api-command";
import { freePort } from "../../scripts/test-env";
import { stopProcess } from "./next-start";

export interface SecondServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * Another production server (`next start`) from a private copy of the build, so its page cache is
 * its own: the outage test gives it a database it can take away.
 */
export async function startSecondServer({ distDir, env }: { distDir: string; env: Record<string, string> }): Promise<SecondServer> {
  const port = await freePort();
  const apiPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Its own API service on the same database, which next start forwards the API paths to (proxy.ts).
  const api: ChildProcess = spawn(process.execPath, [...API_NODE_ARGS, "--port", String(apiPort)], {
    env: { ...process.env, DATABASE_POOL_SIZE: "4", ...env, NODE_ENV: "production", NEXTAUTH_URL: base },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, DATABASE_POOL_SIZE: "4", ...env, NEXT_DIST_DIR: distDir, NEXTAUTH_URL: base, API_ORIGIN: `http://127.0.0.1:${apiPort}` },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stopBoth = () => Promise.all([stopProcess(child), stopProcess(api)]).then(() => undefined);
  const answers = (url: string) => fetch(url).then((r) => r.status < 500 && r.status !== 404, () => false);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || api.exitCode !== null) {
      await stopBoth();
      throw new Error(`the second server exited (next start: ${child.exitCode}, API service: ${api.exitCode})`);
    }
    if ((await answers(`${base}/api/v1/status`)) && (await answers(`http://127.0.0.1:${apiPort}/api/me/recovery`))) break;
    if (i > 120) {
      await stopBoth();
      throw new Error("the second server did not start");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop: stopBoth };
}

/** A copy of the production build without its caches, in a folder Next.js may own. */
export function copyBuild(): { distDir: string; remove(): void } {
  const folder = mkdtempSync(path.join(process.cwd(), ".next-copy-"));
  const distDir = path.basename(folder);
  cpSync(".next", folder, { recursive: true, filter: (source) => !source.startsWith(path.join(".next", "cache")) });
  return { distDir, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
