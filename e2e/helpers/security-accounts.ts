// People of one security test, each with a database session of their own: the suite checks what a
// signed-in caller may reach, not how they signed in (sign-in.spec.ts walks the magic link).
import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { withDb } from "./db";

export type Role = "SUBSCRIBER" | "SUPPORT" | "ADMIN";

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  accountRef: string | null;
  sessionToken: string;
}

export async function newAccount(role: Role, { name, accountRef = null }: { name?: string; accountRef?: string | null } = {}): Promise<Account> {
  const id = randomUUID();
  const tag = id.slice(0, 8);
  const account: Account = {
    id,
    email: `${role.toLowerCase()}-${tag}@security.example.com`,
    name: name ?? `Security ${role.toLowerCase()} ${tag}`,
    role,
    accountRef,
    sessionToken: randomBytes(24).toString("hex"),
  };
  await withDb(async (c) => {
    await c.query(`INSERT INTO "User" (id, email, name, role, "accountRef", "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, now())`, [id, account.email, account.name, role, accountRef]);
    await c.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [randomUUID(), account.sessionToken, id]);
  });
  return account;
}

/** The Cookie header a browser signed in as `account` sends (nothing for an anonymous caller). */
export function cookieHeader(account: Account | null): Record<string, string> {
  return account ? { Cookie: `next-auth.session-token=${account.sessionToken}` } : {};
}

/** Signs a browser context in as `account`. */
export async function signInContext(context: BrowserContext, baseURL: string, account: Account): Promise<void> {
  await context.addCookies([{ name: "next-auth.session-token", value: account.sessionToken, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/** GET as `account` (or anonymously), never following redirects: where a refusal sends you is part of the answer. */
export async function getAs(request: APIRequestContext, path: string, account: Account | null) {
  const response = await request.get(path, { headers: cookieHeader(account), maxRedirects: 0 });
  return { status: response.status(), location: response.headers()["location"] ?? "", body: await response.text(), headers: response.headers() };
}
