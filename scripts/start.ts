// `npm start`: the production server. Next.js's request handler, with a one-second micro-cache in
// front of the documents that are the same for everyone (scripts/server/micro-cache.ts) and the
// burst-prone JSON endpoints answered directly (scripts/server/api-routes.ts). Run `npm run build` first.
import "./load-env";
import { createServer } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import next from "next";
import { requestMirrorPublish, setMirrorPublisher } from "../lib/public/mirror-scheduler";
import { publishMirror } from "../lib/public/publish-mirror";
import { apiRouteFor } from "./server/api-routes";
import { createMicroCache } from "./server/micro-cache";
import { isPublicDocumentRequest, signInRedirect } from "./server/public-paths";
import { serveWebHandler } from "./server/web-handler";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
Object.assign(process.env, { NODE_ENV: "production" });
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Refreshes reach Next.js over loopback, exactly as a visitor's request would.
const origin = createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
const originBase = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

const cache = createMicroCache({
  origin: async (url) => {
    const response = await fetch(originBase + url, { redirect: "manual", headers: { "accept-encoding": "identity" } });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
  },
});

// With STATUS_MIRROR_DIR set, every public change (and start-up) republishes the static mirror.
const mirrorRoot = process.env.STATUS_MIRROR_DIR;
if (mirrorRoot) {
  const staticDir = path.join(process.env.NEXT_DIST_DIR || ".next", "static");
  setMirrorPublisher(async () => {
    const result = await publishMirror({ origin: originBase, root: mirrorRoot, staticDir });
    console.log(`Static mirror ${result.release}: ${result.documents} documents in ${result.ms} ms`);
  });
  requestMirrorPublish(2_000);
}

const publicOrigin = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
const server = createServer((req, res) => {
  const apiRoute = apiRouteFor(req.method, req.url);
  if (apiRoute) {
    serveWebHandler(req, res, apiRoute, publicOrigin).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
    return;
  }
  if (isPublicDocumentRequest(req.method, req.url, req.headers)) {
    const signIn = signInRedirect(req.url, req.headers.cookie);
    if (signIn) {
      res.writeHead(307, { location: signIn, "cache-control": "private, no-store" }).end();
      return;
    }
    cache.serve(req, res).then(
      async (served) => {
        if (!served) await handle(req, res);
      },
      () => handle(req, res),
    );
    return;
  }
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Aftercare listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    origin.close();
    void app.close().finally(() => process.exit(0));
  });
}
