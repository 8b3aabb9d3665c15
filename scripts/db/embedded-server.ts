// The embedded PostgreSQL (PGlite behind a wire-protocol socket), run in its own process so that
// nothing else competes for its event loop. Usage: embedded-server.ts <dataDir> <port>
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serveExchangesWhole } from "./pglite-queue";

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  console.error("usage: embedded-server.ts <dataDir> <port>");
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });

const pg = await PGlite.create({ dataDir });
const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: Number(portArg), maxConnections: 100 });
serveExchangesWhole(server, pg);
server.addEventListener("error", (event) => console.error("[embedded-db]", (event as CustomEvent).detail));
await server.start();
process.stdout.write(`READY ${portArg}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await pg.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
