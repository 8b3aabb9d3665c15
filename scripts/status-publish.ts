// `npm run status:publish`: renders the public pages, feeds and API into the static mirror now.
// Uses the running app at --origin (default NEXTAUTH_URL); with none there, starts the production
// server from the last build for the duration of the publish.
import "./load-env";
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { publishMirror } from "../lib/public/publish-mirror";
import { freePort } from "./test-env";

const { values } = parseArgs({ options: { origin: { type: "string" }, out: { type: "string" }, static: { type: "string" } } });
const root = path.resolve(values.out ?? process.env.STATUS_MIRROR_DIR ?? ".aftercare/status-mirror");
const staticDir = values.static ?? path.join(process.env.NEXT_DIST_DIR || ".next", "static");
const reachable = (origin: string) => fetch(`${origin}/api/v1/status`).then((r) => r.ok, () => false);

let origin = (values.origin ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
let stop = async () => {};
if (!(await reachable(origin))) {
  if (values.origin) {
    console.error(`${origin} does not answer /api/v1/status. Start the app there, or leave out --origin.`);
    process.exit(2);
  }
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  console.log(`No app at the configured address; starting the production server on ${origin}…`);
  const server = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, NEXTAUTH_URL: origin, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  stop = () => new Promise((resolve) => (server.exitCode !== null ? resolve() : (server.once("exit", () => resolve()), server.kill("SIGTERM"))));
  for (let i = 0; !(await reachable(origin)); i++) {
    if (server.exitCode !== null || i > 120) {
      console.error("The production server did not start: run npm run build, and check DATABASE_URL.");
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

try {
  const result = await publishMirror({ origin, root, staticDir });
  console.log(`Published ${result.documents} documents (${(result.bytes / 1024).toFixed(0)} KB) to ${path.join(root, "current")} in ${result.ms} ms.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await stop();
}
