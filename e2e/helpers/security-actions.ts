// Calling a server action the way React's form does: a POST to the page that carries it, with the
// action id in `Next-Action` and the arguments encoded as React's reply format.
import type { APIRequestContext } from "@playwright/test";
import { cookieHeader, type Account } from "./security-accounts";

/** One argument of an action: a plain value, or a form (the FormData a form submission passes). */
export type ActionArg = string | number | boolean | null | { form: Record<string, string | string[]> };

/**
 * React's reply encoding for these arguments: part "0" is the JSON argument list, where a form is
 * "$K<n>" and its fields are sent as parts "_<n>_<field>". Strings starting with "$" are escaped.
 */
export function encodeActionArgs(args: ActionArg[]): FormData {
  const body = new FormData();
  let next = 1;
  const json = args.map((arg) => {
    if (arg !== null && typeof arg === "object") {
      const part = next++;
      for (const [field, value] of Object.entries(arg.form)) for (const v of [value].flat()) body.append(`_${part}_${field}`, v);
      return `$K${part.toString(16)}`;
    }
    return typeof arg === "string" && arg.startsWith("$") ? `$${arg}` : arg;
  });
  body.set("0", JSON.stringify(json));
  return body;
}

export interface ActionAnswer {
  status: number;
  location: string;
  body: string;
  /** The action's return value (row "1" of the RSC answer), when the action ran and returned. */
  result: { ok?: boolean; message?: string; code?: string } | null;
}

export async function callAction(
  request: APIRequestContext,
  { id, path, args, account = null, origin }: { id: string; path: string; args: ActionArg[]; account?: Account | null; origin?: string },
): Promise<ActionAnswer> {
  const response = await request.post(path, {
    headers: { "Next-Action": id, Accept: "text/x-component", ...cookieHeader(account), ...(origin ? { Origin: origin } : {}) },
    multipart: encodeActionArgs(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const row = /^1:(\{.*\})$/m.exec(body)?.[1];
  let result: ActionAnswer["result"] = null;
  try {
    result = row ? (JSON.parse(row) as ActionAnswer["result"]) : null;
  } catch {
    result = null;
  }
  return { status: response.status(), location: response.headers()["location"] ?? response.headers()["x-action-redirect"] ?? "", body, result };
}

/** What the app says when it refuses a caller for who they are (never for what they sent). */
export const IDENTITY_REFUSAL = /please sign in|for support staff|only administrators|do not have access/i;

/**
 * A refusal of the caller: sent to sign-in, 401/403, or the action's own "not for you" answer.
 * On /admin the proxy rewrites a non-staff caller to the forbidden page, which carries no actions,
 * so Next.js answers 409 "Server Action unavailable" without running anything; callers of this
 * check also call the same id on the same path as someone allowed, which proves the id is right.
 */
export function isRefusal(answer: { status: number; location: string; result?: ActionAnswer["result"]; body: string }): boolean {
  if (answer.status === 401 || answer.status === 403) return true;
  if (answer.status === 409) return answer.body.trim() === "Server Action unavailable.";
  if (answer.status >= 300 && answer.status < 400) return /\/signin|\/forbidden/.test(answer.location);
  if (answer.status === 200 && answer.result) return answer.result.ok === false && IDENTITY_REFUSAL.test(answer.result.message ?? "");
  return false;
}
