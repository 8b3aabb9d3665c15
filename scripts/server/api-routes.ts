import { handleClaimPost } from "../../lib/claims/claim-api";
import type { WebHandler } from "../../lib/http/web-handler";
import { handleMyRecoveryGet } from "../../lib/restoration/my-recovery-api";

/**
 * JSON endpoints the production server answers itself. Next.js's route pipeline costs about 2 ms
 * of CPU per request before a handler runs; these are the ones hit in bursts (an offer opening to
 * every affected subscriber at once, everyone opening "My recovery" after an update email). Each is
 * a plain Web handler that Next.js also serves, through its route file, under `next dev`.
 */
const ROUTES: Record<string, WebHandler> = {
  "POST /api/claims": handleClaimPost,
  "GET /api/me/recovery": handleMyRecoveryGet,
};

export function apiRouteFor(method: string | undefined, url: string | undefined): WebHandler | undefined {
  if (!method || !url) return undefined;
  const query = url.indexOf("?");
  return ROUTES[`${method} ${query === -1 ? url : url.slice(0, query)}`];
}
