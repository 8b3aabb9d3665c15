// Proves the newcomer path: `npm run dev` with no DATABASE_URL and no SMTP_URL brings up the portal
// on the embedded database, and a staff member signs in through the local mailbox page.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./test-env";

const tmp = mkdtempSync(path.join(os.tmpdir(), "aftercare-smoke-"));
const port = await freePort();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  EMBEDDED_DB_DIR: path.join(tmp, "pgdata"),
  EMBEDDED_DB_PORT: String(await freePort()),
  SMTP_SINK_PORT: String(await freePort()),
  MAILBOX_DIR: path.join(tmp, "mailbox"),
};
delete env.DATABASE_URL;
delete env.SMTP_URL;
delete env.NEXTAUTH_URL;

const started = Date.now();
const dev = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
const stopDev = () => {
  try {
    process.kill(-dev.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};

let code = 1;
try {
  const base = `http://localhost:${port}`;
  for (;;) {
    if (Date.now() - started > 180_000) throw new Error("npm run dev did not serve the home page within 3 minutes");
    if (dev.exitCode !== null) throw new Error(`npm run dev exited with ${dev.exitCode}`);
    const ok = await fetch(`${base}/`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`Portal served at ${base} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  code = await new Promise<number>((resolve) => {
    const pw = spawn("node_modules/.bin/playwright", ["test"], { stdio: "inherit", env: { ...process.env, E2E_SUITE: "smoke", E2E_BASE_URL: base } });
    pw.on("exit", (c) => resolve(c ?? 1));
  });
} catch (error) {
  console.error((error as Error).message);
} finally {
  stopDev();
  await new Promise((r) => setTimeout(r, 2000));
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
