import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/test-env";

export interface SecondServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * Another production server (`npm start`) from a private copy of the build, so its page cache is
 * its own: the outage test gives it a database it can take away.
 */
export async function startSecondServer({ distDir, env }: { distDir: string; env: Record<string, string> }): Promise<SecondServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXTAUTH_URL: base },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the second server exited with ${child.exitCode}`);
    const up = await fetch(`${base}/api/v1/status`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 120) throw new Error("the second server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A copy of the production build without its caches, in a folder Next.js may own. */
export function copyBuild(): { distDir: string; remove(): void } {
  const folder = mkdtempSync(path.join(process.cwd(), ".next-copy-"));
  const distDir = path.basename(folder);
  cpSync(".next", folder, { recursive: true, filter: (source) => !source.startsWith(path.join(".next", "cache")) });
  return { distDir, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
