import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import securityHeaders from "../../lib/http/security-headers.json" with { type: "json" };
import type { WebHandler } from "../../lib/http/web-handler";

const MAX_BODY_BYTES = 1 << 20;

/**
 * Serves a plain Web handler straight from Node's server: the request as Next.js would hand it
 * over (same x-forwarded-for default, same security headers), follow-up work after the response.
 */
export async function serveWebHandler(req: IncomingMessage, res: ServerResponse, handler: WebHandler, origin: string): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return send(res, Response.json({ error: { code: "INVALID", message: "The request is too large." } }, { status: 413 }));
    chunks.push(chunk);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const method = req.method ?? "GET";
  const request = new Request(new URL(req.url ?? "/", origin), { method, headers, body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks) });

  const followUps: (() => Promise<void>)[] = [];
  let response: Response;
  try {
    response = await handler(request, (task) => followUps.push(task));
  } catch (error) {
    console.error(error);
    response = Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
  }
  await send(res, response);
  for (const task of followUps) task().catch((error: unknown) => console.error(error));
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: OutgoingHttpHeaders = {};
  for (const { key, value } of securityHeaders) headers[key] = value;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = body.length;
  res.writeHead(response.status, headers).end(body);
}
