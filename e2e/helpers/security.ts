// Accounts, sessions and requests for the security specs, written straight into the test database.
import { randomBytes, randomUUID } from "node:crypto";
import { hashToken, newTokenSecret } from "../../lib/api-tokens/token-secret";
import { withDb } from "./db";
import { send } from "./next-start";

/** A session cookie for a user, as next-auth's database session would set after sign-in. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await withDb((c) => c.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [randomUUID(), token, userId]));
  return `next-auth.session-token=${token}`;
}

export async function newApiToken(): Promise<string> {
  const secret = newTokenSecret();
  await withDb((c) => c.query(`INSERT INTO "ApiToken" (name, "tokenHash", prefix) VALUES ($1, $2, $3)`, [`security test ${secret.prefix}`, hashToken(secret.token), secret.prefix]));
  return secret.token;
}

/** Asks for a sign-in link the way the sign-in form does (CSRF cookie and token included). */
export async function askForSignInLink(server: { port: number }, { email, from, headers = {} }: { email: string; from: string; headers?: Record<string, string> }) {
  const csrf = await send(server, { path: "/api/auth/csrf", from });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: "/me", json: "true" }).toString();
  return send(server, { method: "POST", path: "/api/auth/signin/email", from, body, headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" } });
}

/** Headers a client makes up to pass for someone else. */
export function forgedHeaders(address: () => string): Record<string, string> {
  return { "x-forwarded-for": `${address()}, ${address()}`, "x-real-ip": address(), forwarded: `for=${address()}` };
}
