import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { handleClaimPost } from "@/lib/claims/claim-api";
import { handleMyRecoveryGet } from "@/lib/restoration/my-recovery-api";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "./csp";
import securityHeaders from "./security-headers.json";
import type { AfterResponse } from "./web-handler";

/**
 * The two endpoints a spike lands on when an offer opens or an announcement goes out:
 * `POST /api/claims` and `GET /api/me/recovery`, served by a small Hono service (`npm run api`)
 * rather than by Next.js. Measured on this project's two-core benchmark machine, Next.js's route
 * pipeline alone answered about 500 requests a second per instance (a route that refuses at once),
 * below the 600 a second that 100 subscribers submitting a form twice in a third of a second need;
 * see README, "Deploying". The handlers are the same Web `Request → Response` functions the rest of
 * the app uses; this file only routes to them. nginx sends these two paths here in production, and
 * proxy.ts forwards them here under `next dev` and plain `next start`, so they exist once.
 */

/** A claim form is a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 64 * 1024;

export function createApiService({ production = process.env.NODE_ENV === "production", onTaskError = logTaskError }: { production?: boolean; onTaskError?: (error: unknown) => void } = {}): Hono {
  const app = new Hono();
  const headers: [string, string][] = [
    ...securityHeaders.map(({ key, value }): [string, string] => [key, value]),
    ["Content-Security-Policy", contentSecurityPolicy({ dev: !production })],
    ...(production ? [["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY] as [string, string]] : []),
  ];
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });

  const tooLarge = (c: Context) =>
    c.json({ error: { code: "INVALID", message: "A claim is a small JSON form; this request was too large." } }, 413, { "Cache-Control": "private, no-store" });
  const streamedBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  app.post(
    "/api/claims",
    // A body with a Content-Length (always, behind nginx, which buffers request bodies) is judged
    // by it, as Hono's bodyLimit does too; Node's parser never reads past it. Only a chunked body
    // goes through bodyLimit, whose first step (`raw.body`) turns @hono/node-server's lightweight
    // request into a full Web Request with a stream: measured on the claims burst, that and the
    // stream read were about a tenth of the service's CPU, where `request.json()` on the
    // lightweight request reads the socket directly.
    (c, next) => {
      const length = c.req.header("content-length");
      if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamedBodyLimit(c, next);
      return Number(length) > MAX_BODY_BYTES ? tooLarge(c) : next();
    },
    async (c) => {
      // Next.js's after(): the work runs once the response has been handed over.
      const tasks: (() => Promise<void>)[] = [];
      const afterResponse: AfterResponse = (task) => void tasks.push(task);
      const response = await handleClaimPost(c.req.raw, afterResponse);
      if (tasks.length > 0) setImmediate(() => tasks.forEach((task) => task().catch(onTaskError)));
      return response;
    },
  );
  app.get("/api/me/recovery", (c) => handleMyRecoveryGet(c.req.raw));
  const wrongMethod = (allow: string) => (c: Context) =>
    c.json({ error: { code: "METHOD_NOT_ALLOWED", message: `This address answers ${allow} only.` } }, 405, { Allow: allow });
  app.all("/api/claims", wrongMethod("POST"));
  app.all("/api/me/recovery", wrongMethod("GET, HEAD"));

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "There is nothing at this address." } }, 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, 500);
  });
  return app;
}

function logTaskError(error: unknown): void {
  console.error("work after the response failed:", error);
}
