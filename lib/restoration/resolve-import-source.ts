import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { isStaff } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { Forbidden, Unauthorized } from "@/lib/errors";
import type { ImportSource } from "./import-batch";

/**
 * Who is calling the restoration API: the pipeline with a bearer token, or signed-in staff from the
 * upload page. Cookie callers that write must send X-Requested-With, which a cross-site form
 * cannot; reads (summaries, error reports) are safe to open as plain links.
 */
export async function resolveImportSource(request: Request, { write = true }: { write?: boolean } = {}): Promise<ImportSource> {
  const authorization = request.headers.get("authorization");
  if (authorization) return { kind: "token", token: await authenticateApiToken(authorization) };
  const user = await currentUser();
  if (!user) throw Unauthorized("Send an API token as `Authorization: Bearer <token>`, or sign in as staff.");
  if (!isStaff(user.role)) throw Forbidden("Only staff can import restoration progress.");
  if (write && request.headers.get("x-requested-with") !== "aftercare") throw Forbidden("Uploads from the browser must come from the Aftercare import page.");
  return { kind: "staff", actor: user };
}
