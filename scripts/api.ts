// `npm run api`: the burst endpoints (POST /api/claims, GET /api/me/recovery) on a Hono server
// (lib/http/api-service.ts). Run one or more beside the web instances; nginx routes those two paths
// to them (docs/nginx/aftercare.conf.template). Options: --port (else API_PORT, else 3010),
// --hostname (default 127.0.0.1). Stops cleanly on SIGTERM/SIGINT.
import "./load-env";
import { serve } from "@hono/node-server";
import { parseArgs } from "node:util";
import { disconnectDb, warmUpDatabase } from "../lib/db";
import { env } from "../lib/env";
import { createApiService } from "../lib/http/api-service";
import { installClientAddressHook } from "../lib/security/client-address-hook";
import { parseTrustedProxies } from "../lib/security/trusted-proxies";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.API_PORT ?? 3010);
const hostname = values.hostname ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error("The API port must be a whole number from 1 to 65535 (--port or API_PORT).");
  process.exit(2);
}

const settings = env();
// The same client-address rules as the web instances: the socket peer, and X-Forwarded-For only
// across TRUSTED_PROXIES / TRUSTED_PROXY_HOPS.
installClientAddressHook({
  hops: settings.TRUSTED_PROXY_HOPS,
  proxies: settings.TRUSTED_PROXIES ? parseTrustedProxies(settings.TRUSTED_PROXIES) : undefined,
});

// The database first: a burst landing on a just-started instance would otherwise wait for its
// connections and for Prisma's engine to start.
const opened = await warmUpDatabase();

const server = serve({ fetch: createApiService().fetch, port, hostname }, (info) => {
  console.log(`API service (claims, my recovery) on http://${hostname}:${info.port}, ${opened} database connection(s) open`);
});
server.on("error", (error) => {
  console.error(`The API service could not listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Stop accepting; requests in progress finish (and their follow-up work gets a moment), then the pool closes.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections (nginx keeps some open) would hold close() forever.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await disconnectDb().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
